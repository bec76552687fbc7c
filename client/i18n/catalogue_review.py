"""Translations of the invigilator review tool (``emtihan-review``): English -> (Kazakh, Russian).

Merged into :data:`client.i18n.catalogue.CATALOGUE` like ``catalogue_path.py``.  Terms
follow the student side: flag — белгі / отметка, invigilator — бақылаушы / наблюдатель,
hand-in — тапсыру / сдача, receipt — түбіртек / квитанция, attempt — әрекет / попытка,
result bundle — жиынтық / пакет.  The core's messages are in ``catalogue_review_core.py``.
"""

from __future__ import annotations

REVIEW: dict[str, tuple[str, str]] = {
    # main window, toolbar and status line (client/ui/review/main_window.py)
    "Emtihan — invigilator review": ("Emtihan — бақылаушының тексеруі",
                                     "Emtihan — проверка наблюдателем"),
    "Emtihan — review of {exam} — {reviewer}": ("Emtihan — {exam} тексеруі — {reviewer}",
                                                "Emtihan — проверка {exam} — {reviewer}"),
    "Review": ("Тексеру", "Проверка"),
    "Sign in…": ("Кіру…", "Войти…"),
    "Refresh": ("Жаңарту", "Обновить"),
    "Open session": ("Сессияны ашу", "Открыть сессию"),
    "Open all": ("Барлығын ашу", "Открыть все"),
    "Load exam package…": ("Емтихан пакетін жүктеу…", "Загрузить пакет экзамена…"),
    "Export PDF…": ("PDF-ке экспорттау…", "Экспорт в PDF…"),
    "Export CSV…": ("CSV-ге экспорттау…", "Экспорт в CSV…"),
    "Not signed in.": ("Кіру орындалмаған.", "Вход не выполнен."),
    "Search student, name or attempt": ("Студентті, атын немесе әрекетті іздеу",
                                        "Поиск по студенту, имени или попытке"),
    "All": ("Барлығы", "Все"),
    "Handed in": ("Тапсырылды", "Сдано"),
    "In progress": ("Жүріп жатыр", "Идёт"),
    "Late": ("Кешіккен", "С опозданием"),
    "Flagged": ("Белгіленген", "С отметками"),
    "{what} failed: {message}": ("{what} сәтсіз аяқталды: {message}",
                                 "{what}: не удалось — {message}"),
    "Signing in": ("Кіру", "Вход"),
    "Sign in first.": ("Алдымен кіріңіз.", "Сначала войдите."),
    "Loading sessions": ("Сессияларды жүктеу", "Загрузка сессий"),
    "{count} session(s) of {exam}.": ("{exam}: {count} сессия.",
                                      "Сессий экзамена {exam}: {count}."),
    "Select a session first.": ("Алдымен сессияны таңдаңыз.", "Сначала выберите сессию."),
    "Opening {student}": ("{student} ашу", "Открытие {student}"),
    "Opened {student}: {verification}.": ("{student} ашылды: {verification}.",
                                          "Открыто {student}: {verification}."),
    "Opened {count} session(s); {bad} with problems.": (
        "{count} сессия ашылды; олардың {bad} ақаулы.",
        "Открыто сессий: {count}; с проблемами: {bad}."),
    "Opening {count} session(s)": ("{count} сессияны ашу", "Открытие сессий: {count}"),
    "Signing and sending…": ("Қол қойылып, жіберілуде…", "Подписание и отправка…"),
    "Session": ("Сессия", "Сессия"),
    "{what}: {outcome} — signed and recorded.": (
        "{what}: {outcome} — қол қойылып, жазылды.", "{what}: {outcome} — подписано и записано."),
    "Recording the decision": ("Шешімді жазу", "Запись решения"),
    "Exam package": ("Емтихан пакеті", "Пакет экзамена"),
    "Author trust file": ("Автордың сенім файлы", "Файл доверия автору"),
    "Verifying the exam package": ("Емтихан пакетін тексеру", "Проверка пакета экзамена"),
    "Exam package {exam} v{version} verified and loaded.": (
        "{exam} емтихан пакеті (v{version}) тексеріліп, жүктелді.",
        "Пакет экзамена {exam} v{version} проверен и загружен."),
    "Session report": ("Сессия есебі", "Отчёт о сессии"),
    "Session report {attempt}": ("{attempt} сессия есебі", "Отчёт о сессии {attempt}"),
    "Report written to {path}.": ("Есеп жазылды: {path}.", "Отчёт записан в {path}."),
    "Export sessions": ("Сессияларды экспорттау", "Экспорт сессий"),
    "{count} session(s) exported to {path}.": ("{count} сессия экспортталды: {path}.",
                                               "Экспортировано сессий: {count} в {path}."),
    # the session list (client/ui/review/sessions_model.py)
    "Student": ("Студент", "Студент"),
    "Name": ("Аты-жөні", "Имя"),
    "Timing": ("Уақыты", "Сроки"),
    "Flags": ("Белгілер", "Отметки"),
    "Verification": ("Түпнұсқалықты тексеру", "Проверка подлинности"),
    "Decision": ("Шешім", "Решение"),
    "Late +{minutes} min": ("{minutes} мин кешікті", "Опоздание +{minutes} мин"),
    "On time": ("Уақытында", "Вовремя"),
    "{outcome} (open)": ("{outcome} (ашық)", "{outcome} (не окончательно)"),
    "{count} flag(s) open": ("{count} белгі шешілмеген", "Нерешённых отметок: {count}"),
    "Session open": ("Сессия шешілмеген", "Сессия не решена"),
    "{count} alert": ("{count} дабыл", "тревог: {count}"),
    "{count} warn": ("{count} ескерту", "предупр.: {count}"),
    "UNREADABLE": ("ОҚЫЛМАЙДЫ", "НЕЧИТАЕМО"),
    "TAMPERED": ("ӨЗГЕРТІЛГЕН", "ИЗМЕНЕНО"),
    "verified": ("тексерілді", "проверено"),
    "UNREADABLE — {why}": ("ОҚЫЛМАЙДЫ — {why}", "НЕЧИТАЕМО — {why}"),
    "not opened": ("ашылмаған", "не открыто"),
    "TAMPERED / INCOMPLETE": ("ӨЗГЕРТІЛГЕН / ТОЛЫҚ ЕМЕС", "ИЗМЕНЕНО / НЕПОЛНОЕ"),
    "match": ("сәйкес", "совпадение"),
    "to compare": ("салыстыру керек", "нужно сравнить"),
    "no match": ("сәйкес емес", "не совпадает"),
    "no evidence": ("дәлел жоқ", "нет данных"),
    "handed in {when}": ("тапсырылды: {when}", "сдано: {when}"),
    # one session (client/ui/review/session_view.py)
    "LOG TAMPERED / INCOMPLETE — do not rely on this session's data without follow-up.": (
        "ЖУРНАЛ ӨЗГЕРТІЛГЕН / ТОЛЫҚ ЕМЕС — қосымша тексерусіз бұл сессияның деректеріне "
        "сүйенбеңіз.",
        "ЖУРНАЛ ИЗМЕНЁН / НЕПОЛОН — не полагайтесь на данные этой сессии без дополнительной "
        "проверки."),
    "Verified: decrypted locally, attempt signature, server receipt and event-log hash chain "
    "all check out.": (
        "Тексерілді: осы компьютерде шифры ашылды; әрекет қолтаңбасы, сервер түбіртегі және "
        "оқиғалар журналының хэш тізбегі — бәрі дұрыс.",
        "Проверено: расшифровано на этом компьютере; подпись попытки, квитанция сервера и "
        "цепочка хешей журнала событий — всё в порядке."),
    "Started": ("Басталды", "Начало"),
    "Deadline": ("Тапсыру мерзімі", "Срок сдачи"),
    "late by {seconds} s": ("{seconds} с кешікті", "опоздание {seconds} с"),
    "on time": ("уақытында", "вовремя"),
    "Hand-in versions": ("Тапсыру нұсқалары", "Версий сдачи"),
    "Attempt key changes": ("Әрекет кілтінің ауысуы", "Смен ключа попытки"),
    "System checks before the exam": ("Емтихан алдындағы жүйені тексеру",
                                      "Проверки системы перед экзаменом"),
    "No system-check results in the bundle.": (
        "Жиынтықта жүйені тексеру нәтижелері жоқ.",
        "В пакете нет результатов проверки системы."),
    "Server receipt": ("Сервер түбіртегі", "Квитанция сервера"),
    "yes": ("иә", "да"),
    "no": ("жоқ", "нет"),
    "FAILED": ("ӨТПЕДІ", "НЕ ПРОЙДЕНА"),
    "at upload: {announced}; in the decrypted log: {found}": (
        "жүктеу кезінде: {announced}; шифры ашылған журналда: {found}",
        "при загрузке: {announced}; в расшифрованном журнале: {found}"),
    "differs": ("сәйкес емес", "расходится"),
    "Flags announced / found": ("Хабарланған / табылған белгілер",
                                "Отметки заявленные / найденные"),
    "Overview": ("Шолу", "Обзор"),
    "Timeline": ("Оқиғалар", "Хронология"),
    "Paper": ("Жұмыс", "Работа"),
    "Decision on the whole session": ("Бүкіл сессия бойынша шешім", "Решение по всей сессии"),
    "Decisions on record": ("Жазылған шешімдер", "Записанные решения"),
    "Select a session and open it to review it.": (
        "Тексеру үшін сессияны таңдап, ашыңыз.", "Выберите сессию и откройте её для проверки."),
    "BUNDLE CANNOT BE OPENED — tampered, truncated or sealed to another key.": (
        "ЖИЫНТЫҚ АШЫЛМАЙДЫ — өзгертілген, қысқартылған немесе басқа кілтке шифрланған.",
        "ПАКЕТ НЕ ОТКРЫВАЕТСЯ — изменён, обрезан или зашифрован для другого ключа."),
    "Not opened yet: press “Open session” to download, decrypt and verify it.": (
        "Әлі ашылмаған: жүктеп алу, шифрын ашу және тексеру үшін «Сессияны ашу» түймесін "
        "басыңыз.",
        "Ещё не открыто: нажмите «Открыть сессию», чтобы скачать, расшифровать и проверить её."),
    "Load the exam package (and its content key, if encrypted) to see the questions, the "
    "answers and the automatic grade.": (
        "Сұрақтарды, жауаптарды және автоматты бағаны көру үшін емтихан пакетін (шифрланған "
        "болса, мазмұн кілтімен бірге) жүктеңіз.",
        "Загрузите пакет экзамена (и ключ содержимого, если он зашифрован), чтобы увидеть "
        "вопросы, ответы и автоматическую оценку."),
    "Open the session to record decisions.": ("Шешім жазу үшін сессияны ашыңыз.",
                                              "Откройте сессию, чтобы записывать решения."),
    "{missing} of {total} flag(s) still need your decision": (
        "{total} белгінің {missing} әлі сіздің шешіміңізді күтуде",
        "Отметок, ещё ждущих вашего решения: {missing} из {total}"),
    "(Timeline tab) before the session decision can be final. “Needs follow-up” can be "
    "recorded at any time.": (
        "(«Оқиғалар» қойындысы), содан кейін ғана сессия бойынша шешім түпкілікті бола алады. "
        "«Қосымша тексеру керек» шешімін кез келген уақытта жазуға болады.",
        "(вкладка «Хронология»), прежде чем решение по сессии может стать окончательным. "
        "«Нужна дополнительная проверка» можно записать в любое время."),
    "All {total} flag(s) decided.": ("Барлық белгі ({total}) шешілді.",
                                     "Решения приняты по всем отметкам ({total})."),
    "Nothing is sanctioned automatically: you decide.": (
        "Ешқандай шара автоматты түрде қолданылмайды: шешімді сіз қабылдайсыз.",
        "Никакие санкции не применяются автоматически: решаете вы."),
    "No decisions yet.": ("Әзірге шешім жоқ.", "Решений пока нет."),
    # timeline (client/ui/review/timeline_tab.py)
    "Time (UTC)": ("Уақыт (UTC)", "Время (UTC)"),
    "Severity": ("Деңгейі", "Важность"),
    "Event": ("Оқиға", "Событие"),
    "found: {names}": ("табылды: {names}", "найдено: {names}"),
    "and {count} more": ("және тағы {count}", "и ещё {count}"),
    "Flagged events only": ("Тек белгіленген оқиғалар", "Только события с отметками"),
    "Flag thumbnail": ("Белгі суреті", "Снимок отметки"),
    "Decision on this flag": ("Осы белгі бойынша шешім", "Решение по этой отметке"),
    "Recorded at or after the point where the hash chain breaks: this record cannot be "
    "trusted.": (
        "Хэш тізбегі үзілген жерде немесе одан кейін жазылған: бұл жазбаға сенуге болмайды.",
        "Записано в месте разрыва цепочки хешей или после него: этой записи доверять нельзя."),
    "chain broken": ("тізбек үзілген", "цепочка нарушена"),
    "undecided": ("шешілмеген", "не решено"),
    "select an event": ("оқиғаны таңдаңыз", "выберите событие"),
    "thumbnail dropped (evidence budget)": ("сурет алынып тасталды (дәлел көлемінің шегі)",
                                            "снимок отброшен (лимит доказательств)"),
    "no thumbnail": ("сурет жоқ", "снимка нет"),
    "Current: {outcome} by {reviewer} ({when})": (
        "Қазіргі шешім: {outcome}, тексеруші {reviewer} ({when})",
        "Текущее решение: {outcome}, проверяющий {reviewer} ({when})"),
    "Not a flag: no decision needed.": ("Бұл белгі емес: шешім қажет емес.",
                                        "Это не отметка: решение не требуется."),
    "info": ("ақпарат", "информация"),
    "notice": ("хабарлама", "уведомление"),
    # identity (client/ui/review/identity_tab.py)
    "ID document portrait": ("Құжаттағы сурет", "Фото из документа"),
    "Live frame {n}": ("Камера кадры {n}", "Кадр с камеры {n}"),
    "The software only points: compare the faces yourself before deciding.": (
        "Бағдарлама тек нұсқайды: шешім қабылдамас бұрын беттерді өзіңіз салыстырыңыз.",
        "Программа лишь указывает: прежде чем решать, сравните лица сами."),
    "ID document": ("Жеке куәлік", "Документ"),
    "Live capture": ("Камерадан түсірілгені", "Съёмка с камеры"),
    "no portrait in the bundle": ("жиынтықта сурет жоқ", "в пакете нет фото"),
    "no frame": ("кадр жоқ", "нет кадра"),
    # shared widgets (client/ui/review/widgets.py)
    "Select a session and open it to verify and review it.": (
        "Тексеру және қарау үшін сессияны таңдап, ашыңыз.",
        "Выберите сессию и откройте её, чтобы проверить и просмотреть."),
    "no image": ("сурет жоқ", "нет изображения"),
    "— choose —": ("— таңдаңыз —", "— выберите —"),
    "Note for the record (what you saw, why)": (
        "Жазбаға ескертпе (не көрдіңіз, неліктен)",
        "Примечание для записи (что вы увидели, почему)"),
    "Sign and submit": ("Қол қойып, жіберу", "Подписать и отправить"),
    "Note": ("Ескертпе", "Примечание"),
    "Choose a decision first.": ("Алдымен шешімді таңдаңыз.", "Сначала выберите решение."),
    # sign-in (client/ui/review/signin.py)
    "Browse…": ("Таңдау…", "Обзор…"),
    "Sign in — Emtihan review": ("Кіру — Emtihan тексеруі", "Вход — проверка Emtihan"),
    "e.g. phys-101-final": ("мысалы, phys-101-final", "например, phys-101-final"),
    "Your name as it appears on decisions": ("Шешімдерде көрсетілетін атыңыз",
                                             "Ваше имя, как оно будет указано в решениях"),
    "Server": ("Сервер", "Сервер"),
    "Invigilator token": ("Бақылаушы токені", "Токен наблюдателя"),
    "Exam id": ("Емтихан ID", "ID экзамена"),
    "Reviewer name": ("Тексерушінің аты", "Имя проверяющего"),
    "Institution results key": ("Оқу орнының нәтижелер кілті", "Ключ результатов учреждения"),
    "Institution key (PKCS#8)": ("Оқу орнының кілті (PKCS#8)", "Ключ учреждения (PKCS#8)"),
    "Passphrase": ("Құпия фраза", "Парольная фраза"),
    "Your signing key": ("Қолтаңба кілтіңіз", "Ваш ключ подписи"),
    "Invigilator key": ("Бақылаушы кілті", "Ключ наблюдателя"),
    "Decrypting happens on this computer: the server only ever holds ciphertext.": (
        "Шифрды ашу осы компьютерде жүреді: серверде тек шифрланған деректер сақталады.",
        "Расшифровка происходит на этом компьютере: на сервере хранятся только "
        "зашифрованные данные."),
    "server": ("сервер", "сервер"),
    "token": ("токен", "токен"),
    "exam id": ("емтихан ID", "ID экзамена"),
    "reviewer name": ("тексерушінің аты", "имя проверяющего"),
    "institution key": ("оқу орнының кілті", "ключ учреждения"),
    "signing key": ("қолтаңба кілті", "ключ подписи"),
    "Please fill in:": ("Толтырыңыз:", "Заполните:"),
    "Cancel": ("Бас тарту", "Отмена"),
    # fields of the server's receipt and of the client's measurements (session_view.py)
    "Blocking": ("Бөгейтін", "Блокирующих"),
    "Brightness": ("Жарықтық", "Яркость"),
    "Cannot hear": ("Естімейді", "Не слышит"),
    "Device": ("Құрылғы", "Устройство"),
    "Digits typed correctly": ("Сандар дұрыс терілді", "Цифры введены верно"),
    "Download (kbit/s)": ("Жүктеп алу (кбит/с)", "Скачивание (кбит/с)"),
    "Error": ("Қате", "Ошибка"),
    "Faces": ("Беттер", "Лиц"),
    "Found": ("Табылғаны", "Найдено"),
    "Frames/s": ("Кадр/с", "Кадр/с"),
    "Hand-in version": ("Тапсыру нұсқасы", "Версия сдачи"),
    "Height": ("Биіктігі", "Высота"),
    "Hints": ("Кеңестер", "Подсказки"),
    "Late by (s)": ("Кешігу (с)", "Опоздание (с)"),
    "Level (RMS)": ("Деңгейі (RMS)", "Уровень (RMS)"),
    "Received": ("Қабылданды", "Получено"),
    "SHA-256": ("SHA-256", "SHA-256"),
    "Size (bytes)": ("Көлемі (байт)", "Размер (байт)"),
    "Speech heard": ("Сөйлеу естілді", "Слышна речь"),
    "Reported by the student": ("Студент хабарлады", "Сообщил студент"),
    "Upload (kbit/s)": ("Жіберу (кбит/с)", "Отправка (кбит/с)"),
    "Required (kbit/s)": ("Қажет (кбит/с)", "Требуется (кбит/с)"),
    "Width": ("Ені", "Ширина"),
    "kbit/s": ("кбит/с", "кбит/с"),
}
