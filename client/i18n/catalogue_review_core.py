"""Translations of what the Qt-free review core says (``client/review_core``, the event log's
own verification, the paper and the PDF report): English -> (Kazakh, Russian).

The core keeps English; ``client/ui/review/texts.py`` translates these where they are
shown, also when they were filled in (``{seq}``).  Merged into ``CATALOGUE``.
"""

from __future__ import annotations

REVIEW_CORE: dict[str, tuple[str, str]] = {
    # verification checks and their messages (review_core/bundle.py, codec.py)
    "Decryption": ("Шифрды ашу", "Расшифровка"),
    "Attempt signature": ("Әрекет қолтаңбасы", "Подпись попытки"),
    "Event log": ("Оқиғалар журналы", "Журнал событий"),
    "Attempt id": ("Әрекет ID", "ID попытки"),
    "Evidence files": ("Дәлел файлдары", "Файлы доказательств"),
    "Log summary": ("Журнал туралы жазба", "Сводка журнала"),
    "Identity record": ("Тұлғаны тексеру жазбасы", "Запись проверки личности"),
    "The bundle opened with the institution key.": (
        "Жиынтық оқу орнының кілтімен ашылды.", "Пакет открыт ключом учреждения."),
    "Signed by the attempt key registered at start.": (
        "Басында тіркелген әрекет кілтімен қол қойылған.",
        "Подписано ключом попытки, зарегистрированным в её начале."),
    "The server's signed receipt covers exactly these bytes.": (
        "Сервердің қол қойылған түбіртегі дәл осы байттарға берілген.",
        "Подписанная квитанция сервера выдана именно на эти байты."),
    "Hash chain intact over {n} records, seal signed by the attempt.": (
        "Хэш тізбегі {n} жазба бойы бүтін, мөрге әрекет кілтімен қол қойылған.",
        "Цепочка хешей цела на всех записях ({n}), печать подписана ключом попытки."),
    "The result names another attempt.": ("Нәтижеде басқа әрекет көрсетілген.",
                                          "В результате указана другая попытка."),
    "{n} thumbnail(s) intact.": ("{n} сурет бүтін.", "Снимков без повреждений: {n}."),
    "Evidence file(s) {files} do not match their hash.": (
        "{files} дәлел файлдары өз хэшіне сәйкес емес.",
        "Файлы доказательств {files} не совпадают со своим хешем."),
    "The hand-in document names the log it was sealed with.": (
        "Тапсыру құжатында ол мөрленген журнал көрсетілген.",
        "В документе сдачи указан журнал, с которым она запечатана."),
    "The event log differs from the one the hand-in document names.": (
        "Оқиғалар журналы тапсыру құжатында көрсетілген журналдан өзгеше.",
        "Журнал событий отличается от указанного в документе сдачи."),
    "The identity outcome in the hand-in is the one signed into the event log (what the "
    "student was told).": (
        "Тапсырудағы тұлғаны тексеру нәтижесі оқиғалар журналына қол қойылып жазылғанмен "
        "бірдей (студентке айтылғаны).",
        "Результат проверки личности в сдаче совпадает с подписанным в журнале событий "
        "(то, что сказали студенту)."),
    "The identity outcome in the hand-in differs from the one in the signed event log.": (
        "Тапсырудағы тұлғаны тексеру нәтижесі қол қойылған оқиғалар журналындағыдан өзгеше.",
        "Результат проверки личности в сдаче отличается от записанного в подписанном журнале "
        "событий."),
    "The server has no receipt for this hand-in.": (
        "Серверде бұл тапсыруға түбіртек жоқ.", "У сервера нет квитанции об этой сдаче."),
    "The server receipt's signature does not verify.": (
        "Сервер түбіртегінің қолтаңбасы расталмады.", "Подпись квитанции сервера не сходится."),
    "The receipt is for another attempt.": ("Түбіртек басқа әрекетке берілген.",
                                            "Квитанция выдана на другую попытку."),
    "The receipt was issued for different bytes than the bundle downloaded.": (
        "Түбіртек жүктеп алынған жиынтықтан басқа байттарға берілген.",
        "Квитанция выдана на другие байты, чем у скачанного пакета."),
    "The server has no attempt key on record to check the signature.": (
        "Қолтаңбаны тексеру үшін серверде тіркелген әрекет кілті жоқ.",
        "На сервере нет ключа попытки, чтобы проверить подпись."),
    "The result is signed by an earlier attempt key, not the current one (the key changed "
    "{n} time(s)); ask the server operator for the key history.": (
        "Нәтижеге қазіргі емес, бұрынғы әрекет кілтімен қол қойылған (кілт {n} рет ауысқан); "
        "кілттер тарихын сервер операторынан сұраңыз.",
        "Результат подписан прежним ключом попытки, а не текущим (ключ менялся {n} раз); "
        "запросите историю ключей у оператора сервера."),
    "The result is signed by a key that was never registered for this attempt.": (
        "Нәтижеге бұл әрекет үшін ешқашан тіркелмеген кілтпен қол қойылған.",
        "Результат подписан ключом, который никогда не регистрировался для этой попытки."),
    # the event log's verification (client/core/eventlog.py)
    "Event log record {seq} is not valid JSON (truncated or edited).": (
        "Оқиғалар журналының {seq} жазбасы дұрыс JSON емес (қысқартылған не өзгертілген).",
        "Запись {seq} журнала событий — некорректный JSON (обрезана или изменена)."),
    "Event log record {seq} has the wrong fields.": (
        "Оқиғалар журналының {seq} жазбасының өрістері дұрыс емес.",
        "У записи {seq} журнала событий неверные поля."),
    "Event log record {seq} is missing or out of order (found seq {found}): records were "
    "deleted or reordered.": (
        "Оқиғалар журналының {seq} жазбасы жоқ немесе ретсіз (табылғаны: seq {found}): "
        "жазбалар жойылған немесе орны ауыстырылған.",
        "Запись {seq} журнала событий отсутствует или не на своём месте (найдено seq {found}): "
        "записи удалены или переставлены."),
    "Event log record {seq} does not link to record {previous}.": (
        "Оқиғалар журналының {seq} жазбасы {previous} жазбасымен байланыспайды.",
        "Запись {seq} журнала событий не связана с записью {previous}."),
    "Event log record {seq} was altered (hash mismatch).": (
        "Оқиғалар журналының {seq} жазбасы өзгертілген (хэш сәйкес емес).",
        "Запись {seq} журнала событий изменена (хеш не совпадает)."),
    "Event log record {seq} is cut off (truncated).": (
        "Оқиғалар журналының {seq} жазбасы үзілген (қысқартылған).",
        "Запись {seq} журнала событий оборвана (обрезана)."),
    "Event log record {seq} was appended after the log was sealed.": (
        "Оқиғалар журналының {seq} жазбасы журнал мөрленгеннен кейін қосылған.",
        "Запись {seq} журнала событий добавлена после того, как журнал был запечатан."),
    "Event log ends before record {seq}: no seal record (truncated).": (
        "Оқиғалар журналы {seq} жазбасына дейін бітеді: мөр жазбасы жоқ (қысқартылған).",
        "Журнал событий обрывается до записи {seq}: нет записи печати (обрезан)."),
    "Event log seal record {seq} is malformed.": (
        "Оқиғалар журналының {seq} мөр жазбасы бүлінген.",
        "Запись печати {seq} журнала событий повреждена."),
    "Event log seal (record {seq}) is not signed by this attempt's key.": (
        "Оқиғалар журналының мөріне ({seq} жазба) осы әрекеттің кілтімен қол қойылмаған.",
        "Печать журнала событий (запись {seq}) подписана не ключом этой попытки."),
    # decisions, keys, sessions (review_core/decisions.py, service.py, api.py)
    "Every flag needs a human decision before the session decision can be final; "
    "undecided: {flags}.": (
        "Сессия бойынша шешім түпкілікті болуы үшін әр белгі бойынша адам шешім қабылдауы "
        "керек; шешілмегені: {flags}.",
        "Прежде чем решение по сессии станет окончательным, по каждой отметке нужно решение "
        "человека; не решены: {flags}."),
    "The note is longer than {n} characters.": ("Ескертпе {n} таңбадан ұзын.",
                                                "Примечание длиннее {n} символов."),
    "There is no flag #{seq} in this session.": ("Бұл сессияда №{seq} белгі жоқ.",
                                                 "В этой сессии нет отметки №{seq}."),
    "This file is not an institution results key (X25519).": (
        "Бұл файл оқу орнының нәтижелер кілті емес (X25519).",
        "Этот файл — не ключ результатов учреждения (X25519)."),
    "This file is not an invigilator signing key (Ed25519).": (
        "Бұл файл бақылаушының қолтаңба кілті емес (Ed25519).",
        "Этот файл — не ключ подписи наблюдателя (Ed25519)."),
    "This session has not been handed in yet.": ("Бұл сессия әлі тапсырылмаған.",
                                                  "Эта сессия ещё не сдана."),
    "Open the session before deciding.": ("Шешім қабылдамас бұрын сессияны ашыңыз.",
                                          "Откройте сессию, прежде чем принимать решение."),
    "Enter your invigilator token.": ("Бақылаушы токеніңізді енгізіңіз.",
                                      "Введите токен наблюдателя."),
    "The server address must start with http:// or https://.": (
        "Сервер мекенжайы http:// немесе https:// деп басталуы керек.",
        "Адрес сервера должен начинаться с http:// или https://."),
    "Cannot reach the server at {url}: {detail}": (
        "{url} серверіне қосылу мүмкін емес: {detail}",
        "Не удаётся связаться с сервером {url}: {detail}"),
    # the paper (review_core/exam.py, paper.py)
    "This hand-in is for exam {exam}, but the loaded package is {package}.": (
        "Бұл тапсыру {exam} емтиханына арналған, ал жүктелген пакет — {package}.",
        "Эта сдача относится к экзамену {exam}, а загружен пакет {package}."),
    "This hand-in was written on version {version} of the exam; the loaded package is "
    "version {package}.": (
        "Бұл жұмыс емтиханның {version}-нұсқасы бойынша жазылған; жүктелген пакет — "
        "{package}-нұсқа.",
        "Эта работа написана по версии {version} экзамена; загружен пакет версии {package}."),
    "The paper recorded in the bundle differs from the one its seed gives (seed_mismatch); "
    "the seed's paper is shown.": (
        "Жиынтықта жазылған жұмыс оның seed мәні беретін жұмыстан өзгеше (seed_mismatch); "
        "seed бойынша жұмыс көрсетілген.",
        "Работа, записанная в пакете, отличается от той, что даёт её seed (seed_mismatch); "
        "показана работа по seed."),
    "Answers to questions not on this paper: {ids}": (
        "Бұл жұмыста жоқ сұрақтарға жауаптар: {ids}",
        "Ответы на вопросы, которых нет в этой работе: {ids}"),
    "correct": ("дұрыс", "правильно"),
    "partly correct": ("ішінара дұрыс", "частично правильно"),
    "wrong": ("қате", "неправильно"),
    "not answered": ("жауап жоқ", "нет ответа"),
    "to grade by hand": ("қолмен бағалау керек", "оценить вручную"),
    "information (not graded)": ("ақпарат (бағаланбайды)", "информация (не оценивается)"),
    "Answer:": ("Жауап:", "Ответ:"),
    "{points}/{max} points": ("{points}/{max} ұпай", "{points}/{max} балл."),
    "Feedback:": ("Кері байланыс:", "Отзыв:"),
    "Automatic total: {total} / {max}": ("Автоматты бағалау: {total} / {max}",
                                         "Автоматическая оценка: {total} / {max}"),
    "{count} question(s) to grade by hand (up to {points} points)": (
        "қолмен бағаланатын {count} сұрақ ({points} ұпайға дейін)",
        "вопросов для ручной оценки: {count} (до {points} балл.)"),
    "paper maximum {max}.": ("жұмыстың ең жоғары балы {max}.",
                             "максимум за работу {max}."),
    # the PDF report (review_core/report.py)
    "no note": ("ескертпе жоқ", "без примечания"),
    "Decision:": ("Шешім:", "Решение:"),
    "The bundle was not opened: nothing verified.": (
        "Жиынтық ашылмады: ештеңе тексерілмеді.", "Пакет не открыт: ничего не проверено."),
    "LOG TAMPERED / INCOMPLETE": ("ЖУРНАЛ ӨЗГЕРТІЛГЕН / ТОЛЫҚ ЕМЕС",
                                  "ЖУРНАЛ ИЗМЕНЁН / НЕПОЛОН"),
    "Verified": ("Тексерілді", "Проверено"),
    "Event-log records from #{seq} on cannot be trusted.": (
        "Оқиғалар журналының №{seq} жазбасынан бастап жазбаларға сенуге болмайды.",
        "Записям журнала событий начиная с №{seq} доверять нельзя."),
    "Identity (the software only points)": ("Тұлға (бағдарлама тек нұсқайды)",
                                            "Личность (программа лишь указывает)"),
    "ID document portrait first, then the live frames.": (
        "Алдымен құжаттағы сурет, содан кейін камера кадрлары.",
        "Сначала фото из документа, затем кадры с камеры."),
    "Client's outcome": ("Студент бағдарламасының нәтижесі", "Результат программы студента"),
    "Distance / threshold": ("Арақашықтық / шек", "Расстояние / порог"),
    "No session decision yet.": ("Сессия бойынша әлі шешім жоқ.",
                                 "Решения по сессии пока нет."),
    "Nothing is sanctioned automatically.": (
        "Ешқандай шара автоматты түрде қолданылмайды.",
        "Никакие санкции не применяются автоматически."),
    "Session report — {name}": ("Сессия есебі — {name}", "Отчёт о сессии — {name}"),
    "Report by": ("Есеп авторы", "Автор отчёта"),
    "Generated": ("Жасалған уақыты", "Создан"),
    "Flags ({count})": ("Белгілер ({count})", "Отметки ({count})"),
    "No flagged events.": ("Белгіленген оқиғалар жоқ.", "Событий с отметками нет."),
    "Session decision": ("Сессия бойынша шешім", "Решение по сессии"),
    "Paper and automatic grade": ("Жұмыс және автоматты баға", "Работа и автоматическая оценка"),
    "The exam package was not loaded.": ("Емтихан пакеті жүктелмеген.",
                                         "Пакет экзамена не загружен."),
    # event kinds of the student's client not named on its own record (ui/review/texts.py)
    "The student signed in.": ("Студент кірді.", "Студент вошёл."),
    "The exam package was verified.": ("Емтихан пакеті тексерілді.",
                                       "Пакет экзамена проверен."),
    "The student gave consent.": ("Студент келісім берді.", "Студент дал согласие."),
    "The student declined consent.": ("Студент келісім беруден бас тартты.",
                                      "Студент отказался дать согласие."),
    "Identity check try.": ("Тұлғаны тексеру әрекеті.", "Попытка проверки личности."),
    "The exam started.": ("Емтихан басталды.", "Экзамен начался."),
    "An answer was changed.": ("Жауап өзгертілді.", "Ответ изменён."),
    "An answer was saved.": ("Жауап сақталды.", "Ответ сохранён."),
    "The exam window has focus again.": ("Емтихан терезесі қайта белсенді.",
                                         "Окно экзамена снова активно."),
    "Time was up: handed in automatically.": ("Уақыт бітті: автоматты түрде тапсырылды.",
                                              "Время вышло: сдано автоматически."),
    "The exam was handed in.": ("Емтихан тапсырылды.", "Экзамен сдан."),
    "The event log was sealed.": ("Оқиғалар журналы мөрленді.", "Журнал событий запечатан."),
    # grading and decrypting (exam_packages.grading, envelope, content_crypto)
    "true": ("ақиқат", "верно"),
    "false": ("жалған", "неверно"),
    "not graded": ("бағаланбайды", "не оценивается"),
    "needs a human grader": ("адам бағалауы керек", "нужна оценка человеком"),
    "invalid answer: {why}": ("жарамсыз жауап: {why}", "недопустимый ответ: {why}"),
    "{path}: decryption failed at chunk {index} (wrong content key, or the file was altered "
    "or truncated)": (
        "{path}: {index} бөлікте шифрды ашу мүмкін болмады (мазмұн кілті қате немесе файл "
        "өзгертілген не қысқартылған)",
        "{path}: не удалось расшифровать часть {index} (неверный ключ содержимого, либо файл "
        "изменён или обрезан)"),
    "{path}: not an encrypted Emtihan file (bad header)": (
        "{path}: шифрланған Emtihan файлы емес (тақырыбы қате)",
        "{path}: это не зашифрованный файл Emtihan (неверный заголовок)"),
    "this result is sealed to a different institution key": (
        "бұл нәтиже басқа оқу орнының кілтіне шифрланған",
        "этот результат зашифрован для ключа другого учреждения"),
    "the result envelope has an invalid ephemeral key": (
        "нәтиже конвертінің уақытша кілті жарамсыз",
        "у конверта результата недопустимый одноразовый ключ"),
    # the server's answers (review_core/api.py) and the keys (exam_packages.keys)
    "The server sent a session entry that cannot be read.": (
        "Сервер оқылмайтын сессия жазбасын жіберді.",
        "Сервер прислал запись сессии, которую нельзя прочитать."),
    "The server sent an unreadable answer to {path}.": (
        "Сервер {path} сұрауына оқылмайтын жауап жіберді.",
        "Сервер прислал нечитаемый ответ на {path}."),
    "The server sent a receipt that is not an object.": (
        "Сервер жіберген түбіртек объект емес.",
        "Сервер прислал квитанцию, которая не является объектом."),
    "The server key answer cannot be read.": (
        "Сервер кілті туралы жауапты оқу мүмкін емес.",
        "Ответ сервера с его ключом нельзя прочитать."),
    "The server refused the invigilator token (unknown or expired).": (
        "Сервер бақылаушы токенін қабылдамады (белгісіз немесе мерзімі өткен).",
        "Сервер отклонил токен наблюдателя (неизвестен или истёк)."),
    "This token is not allowed to review sessions.": (
        "Бұл токенмен сессияларды тексеруге болмайды.",
        "Этому токену не разрешено проверять сессии."),
    "The server answered {status} to {method} {path}: {message}": (
        "Сервер {method} {path} сұрауына {status} деп жауап берді: {message}",
        "Сервер ответил {status} на {method} {path}: {message}"),
    "The server answered {status} to {method} {path}.": (
        "Сервер {method} {path} сұрауына {status} деп жауап берді.",
        "Сервер ответил {status} на {method} {path}."),
    "wrong passphrase for private key file {path}": (
        "{path} жабық кілт файлының құпия фразасы қате",
        "неверная парольная фраза для файла закрытого ключа {path}"),
    "private key file {path} is protected by a passphrase; none was given": (
        "{path} жабық кілт файлы құпия фразамен қорғалған; ол енгізілмеді",
        "файл закрытого ключа {path} защищён парольной фразой, а она не введена"),
    "cannot read private key file {path}: {detail}": (
        "{path} жабық кілт файлын оқу мүмкін емес: {detail}",
        "не удаётся прочитать файл закрытого ключа {path}: {detail}"),
    "{path} is not a PEM private key": ("{path} — PEM жабық кілті емес",
                                        "{path} — не закрытый ключ PEM"),
    "{path}: only Ed25519 and X25519 keys are supported": (
        "{path}: тек Ed25519 және X25519 кілттеріне қолдау көрсетіледі",
        "{path}: поддерживаются только ключи Ed25519 и X25519"),
    "Unexpected error ({kind}): {detail}": ("Күтпеген қате ({kind}): {detail}",
                                            "Непредвиденная ошибка ({kind}): {detail}"),
}
