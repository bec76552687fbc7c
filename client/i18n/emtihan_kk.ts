<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name>Emtihan</name>
    <message>
        <source>&amp;Access code</source>
        <translation>&amp;Кіру коды</translation>
    </message>
    <message>
        <source>&amp;Back to the exam</source>
        <translation>Емтиханға &amp;оралу</translation>
    </message>
    <message>
        <source>&amp;Check the invigilator's decisions</source>
        <translation>Бақылаушы &amp;шешімдерін тексеру</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Жабу</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>&amp;Бәрібір жабу</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Жалғастыру</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Бас тарту</translation>
    </message>
    <message>
        <source>&amp;Download and check the exam</source>
        <translation>Емтиханды &amp;жүктеп, тексеру</translation>
    </message>
    <message>
        <source>&amp;Exam code</source>
        <translation>&amp;Емтихан коды</translation>
    </message>
    <message>
        <source>&amp;Finish exam…</source>
        <translation>Емтиханды &amp;аяқтау…</translation>
    </message>
    <message>
        <source>&amp;Go back to the exam</source>
        <translation>&amp;Емтиханға оралу</translation>
    </message>
    <message>
        <source>&amp;Hand in now</source>
        <translation>Қазір &amp;тапсыру</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Тіл:</translation>
    </message>
    <message>
        <source>&amp;Load from file…</source>
        <translation>&amp;Файлдан жүктеу…</translation>
    </message>
    <message>
        <source>&amp;Measure connection speed</source>
        <translation>Байланыс &amp;жылдамдығын өлшеу</translation>
    </message>
    <message>
        <source>&amp;Next →</source>
        <translation>&amp;Келесі →</translation>
    </message>
    <message>
        <source>&amp;Play test sound</source>
        <translation>Сынақ дыбысын &amp;ойнату</translation>
    </message>
    <message>
        <source>&amp;Resume download</source>
        <translation>Жүктеуді &amp;жалғастыру</translation>
    </message>
    <message>
        <source>&amp;Retry upload now</source>
        <translation>Қазір &amp;қайта жүктеу</translation>
    </message>
    <message>
        <source>&amp;Save receipt…</source>
        <translation>Түбіртекті &amp;сақтау…</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Сервер мекенжайы</translation>
    </message>
    <message>
        <source>&amp;Start the check</source>
        <translation>Тексеруді &amp;бастау</translation>
    </message>
    <message>
        <source>&amp;Student ID</source>
        <translation>&amp;Студент ID</translation>
    </message>
    <message>
        <source>&amp;Take photo</source>
        <translation>&amp;Суретке түсіру</translation>
    </message>
    <message>
        <source>(Timeline tab) before the session decision can be final. “Needs follow-up” can be recorded at any time.</source>
        <translation>(«Оқиғалар» қойындысы), содан кейін ғана сессия бойынша шешім түпкілікті бола алады. «Қосымша тексеру керек» шешімін кез келген уақытта жазуға болады.</translation>
    </message>
    <message>
        <source>1 minute left! The exam is handed in automatically at 0:00.</source>
        <translation>1 минут қалды! Емтихан 0:00-де автоматты түрде тапсырылады.</translation>
    </message>
    <message>
        <source>1. Your ID document</source>
        <translation>1. Жеке куәлігіңіз</translation>
    </message>
    <message>
        <source>10 minutes left. Your answers are saved; check flagged questions.</source>
        <translation>10 минут қалды. Жауаптарыңыз сақталған; белгіленген сұрақтарды тексеріңіз.</translation>
    </message>
    <message>
        <source>2. Are you there in person?</source>
        <translation>2. Өзіңіз бен бе?</translation>
    </message>
    <message>
        <source>&lt;b&gt;No identity evidence in this bundle.&lt;/b&gt; The check may have been skipped.</source>
        <translation>&lt;b&gt;Бұл жиынтықта сәйкестендіру дәлелі жоқ.&lt;/b&gt; Тексеру өткізілмеген болуы мүмкін.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What is recorded:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;b&gt;Where it goes:&lt;/b&gt; {dest}.&lt;br&gt;&lt;b&gt;How long it is kept:&lt;/b&gt; {days} days after the exam closes, then deleted (longer only while a flag awaits a person's decision, or under a legal hold); the invigilators' decisions and the receipt record (no pictures, no answers) for {records} days. This computer deletes its copy once the server has signed the receipt.&lt;br&gt;&lt;b&gt;Questions or objections:&lt;/b&gt; {contact}.&lt;br&gt;&lt;br&gt;Nothing is decided automatically: a person reviews every flag.</source>
        <translation>&lt;b&gt;Не жазылады:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;b&gt;Қайда жіберіледі:&lt;/b&gt; {dest}.&lt;br&gt;&lt;b&gt;Қанша уақыт сақталады:&lt;/b&gt; емтихан жабылғаннан кейін {days} күн, содан кейін жойылады (белгі адамның шешімін күтіп тұрғанда немесе заңды тыйым кезінде ғана ұзағырақ); бақылаушылардың шешімдері мен түбіртек жазбасы (суретсіз, жауапсыз) — {records} күн. Сервер түбіртекке қол қойған соң, бұл компьютер өз көшірмесін жояды.&lt;br&gt;&lt;b&gt;Сұрақтар мен қарсылықтар:&lt;/b&gt; {contact}.&lt;br&gt;&lt;br&gt;Ештеңе автоматты түрде шешілмейді: әр белгіні адам қарайды.</translation>
    </message>
    <message>
        <source>A liveness step was not completed in time. Please try again.</source>
        <translation>Тірілікті тексеру қадамы уақытында орындалмады. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>A number, e.g. 9.81</source>
        <translation>Сан, мысалы 9.81</translation>
    </message>
    <message>
        <source>A remote-control, screen-sharing or recording program was running.</source>
        <translation>Қашықтан басқару, экранды көрсету немесе жазу бағдарламасы іске қосулы болды.</translation>
    </message>
    <message>
        <source>A second screen was connected.</source>
        <translation>Екінші экран қосылды.</translation>
    </message>
    <message>
        <source>Accept and &amp;continue</source>
        <translation>Келісіп, &amp;жалғастыру</translation>
    </message>
    <message>
        <source>Add the photo of your ID document again: take a clearer one, or use another document.</source>
        <translation>Жеке куәлігіңіздің суретін қайта қосыңыз: анығырақ суретке түсіріңіз немесе басқа құжатты пайдаланыңыз.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>All answers saved on this computer.</source>
        <translation>Барлық жауап осы компьютерде сақталды.</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Барлық тексеру сәтті өтті.</translation>
    </message>
    <message>
        <source>All {total} flag(s) decided.</source>
        <translation>Барлық белгі ({total}) шешілді.</translation>
    </message>
    <message>
        <source>An answer was changed.</source>
        <translation>Жауап өзгертілді.</translation>
    </message>
    <message>
        <source>An answer was saved.</source>
        <translation>Жауап сақталды.</translation>
    </message>
    <message>
        <source>An invigilator will compare your face with your document.</source>
        <translation>Бақылаушы бетіңізді құжатыңызбен салыстырады.</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Жауап:</translation>
    </message>
    <message>
        <source>Answers to questions not on this paper: {ids}</source>
        <translation>Бұл жұмыста жоқ сұрақтарға жауаптар: {ids}</translation>
    </message>
    <message>
        <source>Asking the exam server…</source>
        <translation>Емтихан серверінен сұралуда…</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Әрекет</translation>
    </message>
    <message>
        <source>Attempt id</source>
        <translation>Әрекет ID</translation>
    </message>
    <message>
        <source>Attempt key changes</source>
        <translation>Әрекет кілтінің ауысуы</translation>
    </message>
    <message>
        <source>Attempt signature</source>
        <translation>Әрекет қолтаңбасы</translation>
    </message>
    <message>
        <source>Author trust file</source>
        <translation>Автордың сенім файлы</translation>
    </message>
    <message>
        <source>Automatic total: {total} / {max}</source>
        <translation>Автоматты бағалау: {total} / {max}</translation>
    </message>
    <message>
        <source>BUNDLE CANNOT BE OPENED — tampered, truncated or sealed to another key.</source>
        <translation>ЖИЫНТЫҚ АШЫЛМАЙДЫ — өзгертілген, қысқартылған немесе басқа кілтке шифрланған.</translation>
    </message>
    <message>
        <source>Blink twice.</source>
        <translation>Екі рет көзіңізді жұмыңыз.</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Бөгейтін</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Жарықтық</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Көшіру</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Camera OK.</source>
        <translation>Камера дұрыс.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Cannot hear</source>
        <translation>Естімейді</translation>
    </message>
    <message>
        <source>Cannot reach the server at {url}: {detail}</source>
        <translation>{url} серверіне қосылу мүмкін емес: {detail}</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>Те&amp;ксеру</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Қайта тексеру</translation>
    </message>
    <message>
        <source>Check finished.</source>
        <translation>Тексеру аяқталды.</translation>
    </message>
    <message>
        <source>Checking the camera… keep your face in the picture.</source>
        <translation>Камера тексерілуде… бетіңіз кадрда болсын.</translation>
    </message>
    <message>
        <source>Checking… this takes a few seconds.</source>
        <translation>Тексерілуде… бірнеше секунд алады.</translation>
    </message>
    <message>
        <source>Choices in the order shown:</source>
        <translation>Көрсетілген ретпен нұсқалар:</translation>
    </message>
    <message>
        <source>Choose a decision first.</source>
        <translation>Алдымен шешімді таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose your exam and download it.</source>
        <translation>Емтиханды таңдап, жүктеп алыңыз.</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Ақталды</translation>
    </message>
    <message>
        <source>Client's outcome</source>
        <translation>Студент бағдарламасының нәтижесі</translation>
    </message>
    <message>
        <source>Combined feedback:</source>
        <translation>Бағаға сай кері байланыс:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Байланыс</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <source>Consent to proctoring</source>
        <translation>Прокторингке келісім</translation>
    </message>
    <message>
        <source>Could not fetch the decisions: {why}</source>
        <translation>Шешімдерді алу мүмкін болмады: {why}</translation>
    </message>
    <message>
        <source>Current: {outcome} by {reviewer} ({when})</source>
        <translation>Қазіргі шешім: {outcome}, тексеруші {reviewer} ({when})</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Тапсыру мерзімі</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Шешім</translation>
    </message>
    <message>
        <source>Decision on the whole session</source>
        <translation>Бүкіл сессия бойынша шешім</translation>
    </message>
    <message>
        <source>Decision on this flag</source>
        <translation>Осы белгі бойынша шешім</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Шешім:</translation>
    </message>
    <message>
        <source>Decisions on record</source>
        <translation>Жазылған шешімдер</translation>
    </message>
    <message>
        <source>Decisions released on {date}:</source>
        <translation>Шешімдер {date} жарияланды:</translation>
    </message>
    <message>
        <source>Decrypting happens on this computer: the server only ever holds ciphertext.</source>
        <translation>Шифрды ашу осы компьютерде жүреді: серверде тек шифрланған деректер сақталады.</translation>
    </message>
    <message>
        <source>Decryption</source>
        <translation>Шифрды ашу</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Құрылғы</translation>
    </message>
    <message>
        <source>Digits typed correctly</source>
        <translation>Сандар дұрыс терілді</translation>
    </message>
    <message>
        <source>Distance / threshold</source>
        <translation>Арақашықтық / шек</translation>
    </message>
    <message>
        <source>Document photo added.</source>
        <translation>Құжат суреті қосылды.</translation>
    </message>
    <message>
        <source>Document photo added. Looking for the portrait…</source>
        <translation>Құжат суреті қосылды. Фотосурет ізделуде…</translation>
    </message>
    <message>
        <source>Document photo added: the portrait was found.</source>
        <translation>Құжат суреті қосылды: фотосурет табылды.</translation>
    </message>
    <message>
        <source>Download (kbit/s)</source>
        <translation>Жүктеп алу (кбит/с)</translation>
    </message>
    <message>
        <source>Downloading… (an interrupted download resumes)</source>
        <translation>Жүктелуде… (үзілген жүктеу жалғасады)</translation>
    </message>
    <message>
        <source>Earlier tries:</source>
        <translation>Алдыңғы әрекеттер:</translation>
    </message>
    <message>
        <source>Emtihan — invigilator review</source>
        <translation>Emtihan — бақылаушының тексеруі</translation>
    </message>
    <message>
        <source>Emtihan — review of {exam} — {reviewer}</source>
        <translation>Emtihan — {exam} тексеруі — {reviewer}</translation>
    </message>
    <message>
        <source>Emtihan — student</source>
        <translation>Emtihan — студент</translation>
    </message>
    <message>
        <source>Encrypting and uploading your answers…</source>
        <translation>Жауаптарыңыз шифрланып, жүктелуде…</translation>
    </message>
    <message>
        <source>Enter the server address and the details from your exam invitation.</source>
        <translation>Сервер мекенжайын және емтихан шақыруындағы деректерді енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter your invigilator token.</source>
        <translation>Бақылаушы токеніңізді енгізіңіз.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Қате</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Оқиғалар журналы</translation>
    </message>
    <message>
        <source>Event log ends before record {seq}: no seal record (truncated).</source>
        <translation>Оқиғалар журналы {seq} жазбасына дейін бітеді: мөр жазбасы жоқ (қысқартылған).</translation>
    </message>
    <message>
        <source>Event log record {seq} does not link to record {previous}.</source>
        <translation>Оқиғалар журналының {seq} жазбасы {previous} жазбасымен байланыспайды.</translation>
    </message>
    <message>
        <source>Event log record {seq} has the wrong fields.</source>
        <translation>Оқиғалар журналының {seq} жазбасының өрістері дұрыс емес.</translation>
    </message>
    <message>
        <source>Event log record {seq} is cut off (truncated).</source>
        <translation>Оқиғалар журналының {seq} жазбасы үзілген (қысқартылған).</translation>
    </message>
    <message>
        <source>Event log record {seq} is missing or out of order (found seq {found}): records were deleted or reordered.</source>
        <translation>Оқиғалар журналының {seq} жазбасы жоқ немесе ретсіз (табылғаны: seq {found}): жазбалар жойылған немесе орны ауыстырылған.</translation>
    </message>
    <message>
        <source>Event log record {seq} is not valid JSON (truncated or edited).</source>
        <translation>Оқиғалар журналының {seq} жазбасы дұрыс JSON емес (қысқартылған не өзгертілген).</translation>
    </message>
    <message>
        <source>Event log record {seq} was altered (hash mismatch).</source>
        <translation>Оқиғалар журналының {seq} жазбасы өзгертілген (хэш сәйкес емес).</translation>
    </message>
    <message>
        <source>Event log record {seq} was appended after the log was sealed.</source>
        <translation>Оқиғалар журналының {seq} жазбасы журнал мөрленгеннен кейін қосылған.</translation>
    </message>
    <message>
        <source>Event log seal (record {seq}) is not signed by this attempt's key.</source>
        <translation>Оқиғалар журналының мөріне ({seq} жазба) осы әрекеттің кілтімен қол қойылмаған.</translation>
    </message>
    <message>
        <source>Event log seal record {seq} is malformed.</source>
        <translation>Оқиғалар журналының {seq} мөр жазбасы бүлінген.</translation>
    </message>
    <message>
        <source>Event-log records from #{seq} on cannot be trusted.</source>
        <translation>Оқиғалар журналының №{seq} жазбасынан бастап жазбаларға сенуге болмайды.</translation>
    </message>
    <message>
        <source>Every flag needs a human decision before the session decision can be final; undecided: {flags}.</source>
        <translation>Сессия бойынша шешім түпкілікті болуы үшін әр белгі бойынша адам шешім қабылдауы керек; шешілмегені: {flags}.</translation>
    </message>
    <message>
        <source>Evidence file(s) {files} do not match their hash.</source>
        <translation>{files} дәлел файлдары өз хэшіне сәйкес емес.</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>Дәлел файлдары</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Емтихан</translation>
    </message>
    <message>
        <source>Exam id</source>
        <translation>Емтихан ID</translation>
    </message>
    <message>
        <source>Exam package</source>
        <translation>Емтихан пакеті</translation>
    </message>
    <message>
        <source>Exam package {exam} v{version} verified and loaded.</source>
        <translation>{exam} емтихан пакеті (v{version}) тексеріліп, жүктелді.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV-ге экспорттау…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF-ке экспорттау…</translation>
    </message>
    <message>
        <source>Export sessions</source>
        <translation>Сессияларды экспорттау</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ӨТПЕДІ</translation>
    </message>
    <message>
        <source>Face distance</source>
        <translation>Бет арақашықтығы</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>Беттер</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Бұрыс</translation>
    </message>
    <message>
        <source>Feedback on this answer:</source>
        <translation>Осы жауапқа кері байланыс:</translation>
    </message>
    <message>
        <source>Feedback on your answers</source>
        <translation>Жауаптарыңызға кері байланыс</translation>
    </message>
    <message>
        <source>Feedback:</source>
        <translation>Кері байланыс:</translation>
    </message>
    <message>
        <source>First add a photo of your ID document.</source>
        <translation>Алдымен жеке куәлігіңіздің суретін қосыңыз.</translation>
    </message>
    <message>
        <source>Flag #{seq}</source>
        <translation>№{seq} белгі</translation>
    </message>
    <message>
        <source>Flag thumbnail</source>
        <translation>Белгі суреті</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Белгіленген</translation>
    </message>
    <message>
        <source>Flagged events only</source>
        <translation>Тек белгіленген оқиғалар</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Белгілер</translation>
    </message>
    <message>
        <source>Flags ({count})</source>
        <translation>Белгілер ({count})</translation>
    </message>
    <message>
        <source>Flags announced / found</source>
        <translation>Хабарланған / табылған белгілер</translation>
    </message>
    <message>
        <source>Flags recorded ({count} of {events} events):</source>
        <translation>Жазылған белгілер ({events} оқиғаның {count}):</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Табылғаны</translation>
    </message>
    <message>
        <source>Found and recorded for the invigilator: {names}</source>
        <translation>Табылды және бақылаушы үшін жазылды: {names}</translation>
    </message>
    <message>
        <source>Frames/s</source>
        <translation>Кадр/с</translation>
    </message>
    <message>
        <source>General feedback:</source>
        <translation>Жалпы кері байланыс:</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Жасалған уақыты</translation>
    </message>
    <message>
        <source>Hand-in</source>
        <translation>Тапсыру</translation>
    </message>
    <message>
        <source>Hand-in receipt</source>
        <translation>Тапсыру түбіртегі</translation>
    </message>
    <message>
        <source>Hand-in version</source>
        <translation>Тапсыру нұсқасы</translation>
    </message>
    <message>
        <source>Hand-in versions</source>
        <translation>Тапсыру нұсқалары</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>Тапсырылды</translation>
    </message>
    <message>
        <source>Handed in on {when}, on time.</source>
        <translation>{when} тапсырылды, уақытында.</translation>
    </message>
    <message>
        <source>Handed in on {when}, {minutes} min after the deadline.</source>
        <translation>{when} тапсырылды, мерзімнен {minutes} мин кеш.</translation>
    </message>
    <message>
        <source>Handed in. Keep this receipt: it proves what the server received.</source>
        <translation>Тапсырылды. Бұл түбіртекті сақтаңыз: ол сервер не алғанын дәлелдейді.</translation>
    </message>
    <message>
        <source>Hash chain intact over {n} records, seal signed by the attempt.</source>
        <translation>Хэш тізбегі {n} жазба бойы бүтін, мөрге әрекет кілтімен қол қойылған.</translation>
    </message>
    <message>
        <source>Headset</source>
        <translation>Гарнитура</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Биіктігі</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>Кеңес:</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>Кеңестер</translation>
    </message>
    <message>
        <source>Hold the document close to the camera, photo side up, no glare.</source>
        <translation>Құжатты камераға жақын, фотосы жағымен, жылтырамайтындай ұстаңыз.</translation>
    </message>
    <message>
        <source>I &amp;cannot hear the sound</source>
        <translation>Дыбысты &amp;естімеймін</translation>
    </message>
    <message>
        <source>I have read this and &amp;agree.</source>
        <translation>Оқыдым және &amp;келісемін.</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>Жеке куәлік</translation>
    </message>
    <message>
        <source>ID document photo</source>
        <translation>Жеке куәлік суреті</translation>
    </message>
    <message>
        <source>ID document portrait</source>
        <translation>Құжаттағы сурет</translation>
    </message>
    <message>
        <source>ID document portrait first, then the live frames.</source>
        <translation>Алдымен құжаттағы сурет, содан кейін камера кадрлары.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Тұлғаны растау</translation>
    </message>
    <message>
        <source>Identity (the software only points)</source>
        <translation>Тұлға (бағдарлама тек нұсқайды)</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>Тұлғаны растау</translation>
    </message>
    <message>
        <source>Identity check result.</source>
        <translation>Тұлғаны тексеру нәтижесі.</translation>
    </message>
    <message>
        <source>Identity check try.</source>
        <translation>Тұлғаны тексеру әрекеті.</translation>
    </message>
    <message>
        <source>Identity check: {text}</source>
        <translation>Тұлғаны тексеру: {text}</translation>
    </message>
    <message>
        <source>Identity confirmed automatically.</source>
        <translation>Тұлға автоматты түрде расталды.</translation>
    </message>
    <message>
        <source>Identity confirmed. {reason}</source>
        <translation>Тұлға расталды. {reason}</translation>
    </message>
    <message>
        <source>Identity record</source>
        <translation>Тұлғаны тексеру жазбасы</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Жүріп жатыр</translation>
    </message>
    <message>
        <source>Information for graders:</source>
        <translation>Бағалаушыға ақпарат:</translation>
    </message>
    <message>
        <source>Institution key (PKCS#8)</source>
        <translation>Оқу орнының кілті (PKCS#8)</translation>
    </message>
    <message>
        <source>Institution results key</source>
        <translation>Оқу орнының нәтижелер кілті</translation>
    </message>
    <message>
        <source>Invigilator key</source>
        <translation>Бақылаушы кілті</translation>
    </message>
    <message>
        <source>Invigilator token</source>
        <translation>Бақылаушы токені</translation>
    </message>
    <message>
        <source>LOG TAMPERED / INCOMPLETE</source>
        <translation>ЖУРНАЛ ӨЗГЕРТІЛГЕН / ТОЛЫҚ ЕМЕС</translation>
    </message>
    <message>
        <source>LOG TAMPERED / INCOMPLETE — do not rely on this session's data without follow-up.</source>
        <translation>ЖУРНАЛ ӨЗГЕРТІЛГЕН / ТОЛЫҚ ЕМЕС — қосымша тексерусіз бұл сессияның деректеріне сүйенбеңіз.</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Кешіккен</translation>
    </message>
    <message>
        <source>Late +{minutes} min</source>
        <translation>{minutes} мин кешікті</translation>
    </message>
    <message>
        <source>Late by (s)</source>
        <translation>Кешігу (с)</translation>
    </message>
    <message>
        <source>Leave the exam?</source>
        <translation>Емтиханнан шығасыз ба?</translation>
    </message>
    <message>
        <source>Level (RMS)</source>
        <translation>Деңгейі (RMS)</translation>
    </message>
    <message>
        <source>Listen and count…</source>
        <translation>Тыңдап, санаңыз…</translation>
    </message>
    <message>
        <source>Live capture</source>
        <translation>Камерадан түсірілгені</translation>
    </message>
    <message>
        <source>Live frame {n}</source>
        <translation>Камера кадры {n}</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>Тірі қатысу</translation>
    </message>
    <message>
        <source>Liveness steps, in the order asked:</source>
        <translation>Тірі қатысуды тексеру қадамдары, сұралған ретпен:</translation>
    </message>
    <message>
        <source>Load exam package…</source>
        <translation>Емтихан пакетін жүктеу…</translation>
    </message>
    <message>
        <source>Load the exam package (and its content key, if encrypted) to see the questions, the answers and the automatic grade.</source>
        <translation>Сұрақтарды, жауаптарды және автоматты бағаны көру үшін емтихан пакетін (шифрланған болса, мазмұн кілтімен бірге) жүктеңіз.</translation>
    </message>
    <message>
        <source>Loading sessions</source>
        <translation>Сессияларды жүктеу</translation>
    </message>
    <message>
        <source>Log summary</source>
        <translation>Журнал туралы жазба</translation>
    </message>
    <message>
        <source>Look straight at the camera.</source>
        <translation>Камераға тура қараңыз.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Өлшенуде…</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>Microphone OK: we hear you.</source>
        <translation>Микрофон дұрыс: сізді естіп тұрмыз.</translation>
    </message>
    <message>
        <source>Microphone: say a few words.</source>
        <translation>Микрофон: бірнеше сөз айтыңыз.</translation>
    </message>
    <message>
        <source>More than one face is visible. Make sure you are alone in the picture.</source>
        <translation>Бірнеше бет көрінеді. Кадрда тек өзіңіз болыңыз.</translation>
    </message>
    <message>
        <source>More than one face visible.</source>
        <translation>Бірнеше бет көрінеді.</translation>
    </message>
    <message>
        <source>More than one face visible: you must be alone.</source>
        <translation>Бірнеше бет көрінеді: сіз жалғыз болуыңыз керек.</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Төмен</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Жоғары</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Қосымша тексеру керек</translation>
    </message>
    <message>
        <source>No camera picture yet: wait a moment.</source>
        <translation>Камерадан әлі сурет жоқ: сәл күтіңіз.</translation>
    </message>
    <message>
        <source>No connection to the exam server. Check your internet connection and try again.</source>
        <translation>Емтихан серверімен байланыс жоқ. Интернет байланысын тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>No decision was recorded on your attempt.</source>
        <translation>Сіздің әрекетіңіз бойынша шешім жазылмаған.</translation>
    </message>
    <message>
        <source>No decisions yet.</source>
        <translation>Әзірге шешім жоқ.</translation>
    </message>
    <message>
        <source>No face found. Look straight at the camera.</source>
        <translation>Бет табылмады. Камераға тура қараңыз.</translation>
    </message>
    <message>
        <source>No face visible in the camera picture.</source>
        <translation>Камера суретінде бет көрінбейді.</translation>
    </message>
    <message>
        <source>No face visible: sit in front of the camera, face uncovered.</source>
        <translation>Бет көрінбейді: камераның алдына отырыңыз, бетіңізді жаппаңыз.</translation>
    </message>
    <message>
        <source>No flagged events.</source>
        <translation>Белгіленген оқиғалар жоқ.</translation>
    </message>
    <message>
        <source>No flags were recorded.</source>
        <translation>Ешқандай белгі жазылған жоқ.</translation>
    </message>
    <message>
        <source>No identity check was recorded.</source>
        <translation>Тұлғаны тексеру жазылмаған.</translation>
    </message>
    <message>
        <source>No microphone found: plug in your headset.</source>
        <translation>Микрофон табылмады: гарнитураны қосыңыз.</translation>
    </message>
    <message>
        <source>No portrait found on the ID document. Photograph the whole document, flat and sharp.</source>
        <translation>Құжаттан сурет табылмады. Құжатты толық, тегіс әрі анық суретке түсіріңіз.</translation>
    </message>
    <message>
        <source>No session decision yet.</source>
        <translation>Сессия бойынша әлі шешім жоқ.</translation>
    </message>
    <message>
        <source>No sound yet: unmute the microphone or pick the headset in your system sound settings.</source>
        <translation>Әзірге дыбыс жоқ: микрофонды қосыңыз немесе жүйенің дыбыс баптауларынан гарнитураны таңдаңыз.</translation>
    </message>
    <message>
        <source>No speaker or headphones found.</source>
        <translation>Динамик не құлаққап табылмады.</translation>
    </message>
    <message>
        <source>No system-check results in the bundle.</source>
        <translation>Жиынтықта жүйені тексеру нәтижелері жоқ.</translation>
    </message>
    <message>
        <source>No usable camera picture of your face.</source>
        <translation>Камерадан бетіңіздің жарамды суреті алынбады.</translation>
    </message>
    <message>
        <source>Not a flag: no decision needed.</source>
        <translation>Бұл белгі емес: шешім қажет емес.</translation>
    </message>
    <message>
        <source>Not all liveness steps were completed.</source>
        <translation>Тірілікті тексерудің барлық қадамы орындалмады.</translation>
    </message>
    <message>
        <source>Not confirmed automatically: a person must compare the faces.</source>
        <translation>Автоматты түрде расталмады: беттерді адам салыстыруы керек.</translation>
    </message>
    <message>
        <source>Not confirmed: {reason} Tries left: {left}.</source>
        <translation>Расталмады: {reason} Қалған әрекет: {left}.</translation>
    </message>
    <message>
        <source>Not opened yet: press “Open session” to download, decrypt and verify it.</source>
        <translation>Әлі ашылмаған: жүктеп алу, шифрын ашу және тексеру үшін «Сессияны ашу» түймесін басыңыз.</translation>
    </message>
    <message>
        <source>Not quite. Turn the volume up, check that the sound goes to your headset, and play the sound again.</source>
        <translation>Дұрыс емес. Дыбысты көтеріп, дыбыс гарнитураға баратынын тексеріп, қайта ойнатыңыз.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Сақталмады: {why}</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Кіру орындалмаған.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Note for the record (what you saw, why)</source>
        <translation>Жазбаға ескертпе (не көрдіңіз, неліктен)</translation>
    </message>
    <message>
        <source>Noted: you cannot hear the test sound. You may continue; this is recorded for the invigilator. Audio instructions during the exam will not reach you.</source>
        <translation>Белгіленді: сынақ дыбысын естімейсіз. Жалғастыра аласыз; бұл бақылаушы үшін жазылады. Емтихан кезіндегі дыбыстық нұсқаулар сізге жетпейді.</translation>
    </message>
    <message>
        <source>Nothing is sanctioned automatically.</source>
        <translation>Ешқандай шара автоматты түрде қолданылмайды.</translation>
    </message>
    <message>
        <source>Nothing is sanctioned automatically: you decide.</source>
        <translation>Ешқандай шара автоматты түрде қолданылмайды: шешімді сіз қабылдайсыз.</translation>
    </message>
    <message>
        <source>Nothing to show: the summary exists only until this program is closed after the hand-in.</source>
        <translation>Көрсететін ештеңе жоқ: қорытынды тапсырудан кейін бағдарлама жабылғанға дейін ғана сақталады.</translation>
    </message>
    <message>
        <source>Now: {text}</source>
        <translation>Қазір: {text}</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Уақытында</translation>
    </message>
    <message>
        <source>On your answer:</source>
        <translation>Жауабыңыз туралы:</translation>
    </message>
    <message>
        <source>Open all</source>
        <translation>Барлығын ашу</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Сессияны ашу</translation>
    </message>
    <message>
        <source>Open the session before deciding.</source>
        <translation>Шешім қабылдамас бұрын сессияны ашыңыз.</translation>
    </message>
    <message>
        <source>Open the session to record decisions.</source>
        <translation>Шешім жазу үшін сессияны ашыңыз.</translation>
    </message>
    <message>
        <source>Opened {count} session(s); {bad} with problems.</source>
        <translation>{count} сессия ашылды; олардың {bad} ақаулы.</translation>
    </message>
    <message>
        <source>Opened {student}: {verification}.</source>
        <translation>{student} ашылды: {verification}.</translation>
    </message>
    <message>
        <source>Opening {count} session(s)</source>
        <translation>{count} сессияны ашу</translation>
    </message>
    <message>
        <source>Opening {student}</source>
        <translation>{student} ашу</translation>
    </message>
    <message>
        <source>Other event: {kind}</source>
        <translation>Басқа оқиға: {kind}</translation>
    </message>
    <message>
        <source>Other programs</source>
        <translation>Басқа бағдарламалар</translation>
    </message>
    <message>
        <source>Overall:</source>
        <translation>Қорытынды:</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Шолу</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF құжаты</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Жұмыс</translation>
    </message>
    <message>
        <source>Paper and automatic grade</source>
        <translation>Жұмыс және автоматты баға</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Құпия фраза</translation>
    </message>
    <message>
        <source>Pasting text from outside the exam is not allowed; this is recorded.</source>
        <translation>Емтиханнан тыс мәтінді қоюға болмайды; бұл жазылды.</translation>
    </message>
    <message>
        <source>Please close these programs, then press “Check again”: {names}</source>
        <translation>Мына бағдарламаларды жабыңыз, содан кейін «Қайта тексеру» түймесін басыңыз: {names}</translation>
    </message>
    <message>
        <source>Please fill in all four fields.</source>
        <translation>Төрт өрістің бәрін толтырыңыз.</translation>
    </message>
    <message>
        <source>Please fill in:</source>
        <translation>Толтырыңыз:</translation>
    </message>
    <message>
        <source>Please read what happens during the exam. Without your consent nothing is recorded, but you cannot take this exam online.</source>
        <translation>Емтихан кезінде не болатынын оқыңыз. Келісіміңізсіз ештеңе жазылмайды, бірақ бұл емтиханды онлайн тапсыра алмайсыз.</translation>
    </message>
    <message>
        <source>Press “Play test sound” first.</source>
        <translation>Алдымен «Сынақ дыбысын ойнату» басыңыз.</translation>
    </message>
    <message>
        <source>Press “Start the check” and follow each instruction.</source>
        <translation>«Тексеруді бастау» басып, әр нұсқауды орындаңыз.</translation>
    </message>
    <message>
        <source>Question {number}</source>
        <translation>{number}-сұрақ</translation>
    </message>
    <message>
        <source>Question {n}</source>
        <translation>{n}-сұрақ</translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation>{total} сұрақтың {n}-сі</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Сұрақтар</translation>
    </message>
    <message>
        <source>Reasons:</source>
        <translation>Себептері:</translation>
    </message>
    <message>
        <source>Receipt hash (SHA-256)</source>
        <translation>Түбіртек хэші (SHA-256)</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Түбіртек нөмірі</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Қабылданды</translation>
    </message>
    <message>
        <source>Recorded at or after the point where the hash chain breaks: this record cannot be trusted.</source>
        <translation>Хэш тізбегі үзілген жерде немесе одан кейін жазылған: бұл жазбаға сенуге болмайды.</translation>
    </message>
    <message>
        <source>Recording the decision</source>
        <translation>Шешімді жазу</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Report by</source>
        <translation>Есеп авторы</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>Есеп жазылды: {path}.</translation>
    </message>
    <message>
        <source>Reported by the student</source>
        <translation>Студент хабарлады</translation>
    </message>
    <message>
        <source>Required (kbit/s)</source>
        <translation>Қажет (кбит/с)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Review band (a person compares)</source>
        <translation>Тексеру аралығы (адам салыстырады)</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Тексерушінің аты</translation>
    </message>
    <message>
        <source>Running during the exam: {names}. This is recorded for the invigilator.</source>
        <translation>Емтихан кезінде іске қосылған: {names}. Бұл бақылаушы үшін жазылды.</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Түбіртекті сақтау</translation>
    </message>
    <message>
        <source>Saved on this computer, will upload when you are online. Reason: {why} We retry every 30 seconds; you may keep this window open.</source>
        <translation>Осы компьютерде сақталды, интернет болғанда жүктеледі. Себебі: {why} Әр 30 секунд сайын қайталаймыз; терезені ашық қалдыруға болады.</translation>
    </message>
    <message>
        <source>Saved {pdf} and, beside it, the signed receipt {json}.</source>
        <translation>{pdf} сақталды, жанында — қол қойылған түбіртек {json}.</translation>
    </message>
    <message>
        <source>Search student, name or attempt</source>
        <translation>Студентті, атын немесе әрекетті іздеу</translation>
    </message>
    <message>
        <source>Select a session and open it to review it.</source>
        <translation>Тексеру үшін сессияны таңдап, ашыңыз.</translation>
    </message>
    <message>
        <source>Select a session and open it to verify and review it.</source>
        <translation>Тексеру және қарау үшін сессияны таңдап, ашыңыз.</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>Алдымен сессияны таңдаңыз.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Server receipt</source>
        <translation>Сервер түбіртегі</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <source>Session decision</source>
        <translation>Сессия бойынша шешім</translation>
    </message>
    <message>
        <source>Session open</source>
        <translation>Сессия шешілмеген</translation>
    </message>
    <message>
        <source>Session report</source>
        <translation>Сессия есебі</translation>
    </message>
    <message>
        <source>Session report {attempt}</source>
        <translation>{attempt} сессия есебі</translation>
    </message>
    <message>
        <source>Session report — {name}</source>
        <translation>Сессия есебі — {name}</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Деңгейі</translation>
    </message>
    <message>
        <source>Show your student card or ID, then follow the instructions so we can see that you are here in person.</source>
        <translation>Студенттік билетіңізді немесе жеке куәлігіңізді көрсетіп, өзіңіз екеніңізді көру үшін нұсқауларды орындаңыз.</translation>
    </message>
    <message>
        <source>Shown from memory only: these files were deleted from this computer after the receipt. Your university keeps your hand-in for {evidence} days after the exam closes, and the decisions and receipt records for {records} days.</source>
        <translation>Тек жадтан көрсетіледі: бұл файлдар түбіртектен кейін осы компьютерден жойылды. Университет тапсырған жұмысыңызды емтихан жабылғаннан кейін {evidence} күн, ал шешімдер мен түбіртек жазбаларын {records} күн сақтайды.</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Кіру</translation>
    </message>
    <message>
        <source>Sign and submit</source>
        <translation>Қол қойып, жіберу</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Алдымен кіріңіз.</translation>
    </message>
    <message>
        <source>Sign in — Emtihan review</source>
        <translation>Кіру — Emtihan тексеруі</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Кіру…</translation>
    </message>
    <message>
        <source>Signature NOT verified: this receipt does not carry a valid signature of the exam server. Save it and tell your exam office.</source>
        <translation>Қолтаңба РАСТАЛМАДЫ: бұл түбіртекте емтихан серверінің жарамды қолтаңбасы жоқ. Оны сақтап, емтихан бөліміне хабарлаңыз.</translation>
    </message>
    <message>
        <source>Signature verified: this receipt was signed by the exam server with its key.</source>
        <translation>Қолтаңба расталды: бұл түбіртекке емтихан сервері өз кілтімен қол қойған.</translation>
    </message>
    <message>
        <source>Signed by the attempt key registered at start.</source>
        <translation>Басында тіркелген әрекет кілтімен қол қойылған.</translation>
    </message>
    <message>
        <source>Signing and sending…</source>
        <translation>Қол қойылып, жіберілуде…</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Кіру…</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Көлемі (байт)</translation>
    </message>
    <message>
        <source>Slowly turn your head to the left.</source>
        <translation>Басыңызды баяу солға бұрыңыз.</translation>
    </message>
    <message>
        <source>Slowly turn your head to the right.</source>
        <translation>Басыңызды баяу оңға бұрыңыз.</translation>
    </message>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Қате орын алды: {detail}</translation>
    </message>
    <message>
        <source>Sound cannot be used: this installation lacks Qt Multimedia (pyside6-addons).</source>
        <translation>Дыбысты қолдану мүмкін емес: Qt Multimedia (pyside6-addons) орнатылмаған.</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Динамик</translation>
    </message>
    <message>
        <source>Speaker OK.</source>
        <translation>Динамик дұрыс.</translation>
    </message>
    <message>
        <source>Speaker: each digit is played as that many beeps. Type the digits you count:</source>
        <translation>Динамик: әр цифр сонша рет дыбыспен беріледі. Санаған цифрларыңызды теріңіз:</translation>
    </message>
    <message>
        <source>Speech heard</source>
        <translation>Сөйлеу естілді</translation>
    </message>
    <message>
        <source>Speech was detected on the microphone.</source>
        <translation>Микрофонда сөйлеу анықталды.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Басталды</translation>
    </message>
    <message>
        <source>Still to pass: {names}</source>
        <translation>Әлі өтуі керек: {names}</translation>
    </message>
    <message>
        <source>Strong light behind you. Face a window or lamp instead of sitting with your back to it.</source>
        <translation>Артыңызда күшті жарық бар. Терезеге не шамға арқаңызбен емес, бетіңізбен отырыңыз.</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Студент</translation>
    </message>
    <message>
        <source>System check</source>
        <translation>Жүйені тексеру</translation>
    </message>
    <message>
        <source>System check: camera.</source>
        <translation>Жүйені тексеру: камера.</translation>
    </message>
    <message>
        <source>System check: connection.</source>
        <translation>Жүйені тексеру: байланыс.</translation>
    </message>
    <message>
        <source>System check: microphone and sound.</source>
        <translation>Жүйені тексеру: микрофон және дыбыс.</translation>
    </message>
    <message>
        <source>System check: other programs.</source>
        <translation>Жүйені тексеру: басқа бағдарламалар.</translation>
    </message>
    <message>
        <source>System checks before the exam</source>
        <translation>Емтихан алдындағы жүйені тексеру</translation>
    </message>
    <message>
        <source>TAMPERED</source>
        <translation>ӨЗГЕРТІЛГЕН</translation>
    </message>
    <message>
        <source>TAMPERED / INCOMPLETE</source>
        <translation>ӨЗГЕРТІЛГЕН / ТОЛЫҚ ЕМЕС</translation>
    </message>
    <message>
        <source>Text from outside the exam was pasted and refused.</source>
        <translation>Емтиханнан тыс мәтін қойылды және қабылданбады.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Рақмет</translation>
    </message>
    <message>
        <source>That folder does not exist. Choose another folder.</source>
        <translation>Бұл қалта жоқ. Басқа қалтаны таңдаңыз.</translation>
    </message>
    <message>
        <source>The attempt key was lost and replaced after a restart.</source>
        <translation>Қайта іске қосқаннан кейін әрекет кілті жоғалып, ауыстырылды.</translation>
    </message>
    <message>
        <source>The bundle opened with the institution key.</source>
        <translation>Жиынтық оқу орнының кілтімен ашылды.</translation>
    </message>
    <message>
        <source>The bundle was not opened: nothing verified.</source>
        <translation>Жиынтық ашылмады: ештеңе тексерілмеді.</translation>
    </message>
    <message>
        <source>The camera could not be started: {detail}</source>
        <translation>Камера қосылмады: {detail}</translation>
    </message>
    <message>
        <source>The camera is too slow: close other programs that use it.</source>
        <translation>Камера тым баяу: оны қолданатын басқа бағдарламаларды жабыңыз.</translation>
    </message>
    <message>
        <source>The camera picture changed abruptly. Keep the camera still and try again.</source>
        <translation>Камера суреті кенет өзгерді. Камераны қозғалтпай, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The camera picture does not change. Use a live camera, not a photo or video.</source>
        <translation>Камера суреті өзгермейді. Фото не видео емес, тірі камераны пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The camera pictures carry no capture time, so the check cannot be timed. Please try again.</source>
        <translation>Камера суреттерінде түсірілген уақыты жоқ, сондықтан тексеруді уақытпен өлшеу мүмкін емес. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The camera seems covered or the picture is dark.</source>
        <translation>Камера жабылған немесе сурет қараңғы сияқты.</translation>
    </message>
    <message>
        <source>The camera sends no picture.</source>
        <translation>Камера сурет жібермейді.</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures during the check. Please try again.</source>
        <translation>Тексеру кезінде камера сурет жіберуді тоқтатты. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The camera stopped: {detail}</source>
        <translation>Камера тоқтады: {detail}</translation>
    </message>
    <message>
        <source>The check could not be finished.</source>
        <translation>Тексеруді аяқтау мүмкін болмады.</translation>
    </message>
    <message>
        <source>The copy of this exam saved on this computer could not be read.</source>
        <translation>Осы компьютерде сақталған емтихан көшірмесін оқу мүмкін болмады.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space or choose another drive.</source>
        <translation>Диск толы. Орын босатыңыз немесе басқа дискіні таңдаңыз.</translation>
    </message>
    <message>
        <source>The event log differs from the one the hand-in document names.</source>
        <translation>Оқиғалар журналы тапсыру құжатында көрсетілген журналдан өзгеше.</translation>
    </message>
    <message>
        <source>The event log was sealed.</source>
        <translation>Оқиғалар журналы мөрленді.</translation>
    </message>
    <message>
        <source>The exam could not be unlocked. Try again when the exam starts.</source>
        <translation>Емтиханды ашу мүмкін болмады. Емтихан басталғанда қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The exam file failed its security check and was not used. Download it again; if this repeats, contact your exam office.</source>
        <translation>Емтихан файлы қауіпсіздік тексеруінен өтпеді және пайдаланылмады. Оны қайта жүктеңіз; қайталанса, емтихан бөліміне хабарласыңыз.</translation>
    </message>
    <message>
        <source>The exam is not open at this time.</source>
        <translation>Емтихан қазір ашық емес.</translation>
    </message>
    <message>
        <source>The exam is still running and its time keeps running. Your answers are saved on this computer: open Emtihan again and sign in to continue where you left off.</source>
        <translation>Емтихан әлі жүріп жатыр және уақыты тоқтамайды. Жауаптарыңыз осы компьютерде сақталған: Emtihan-ды қайта ашып, кіріңіз де, тоқтаған жерден жалғастырыңыз.</translation>
    </message>
    <message>
        <source>The exam office has not released the decisions yet.</source>
        <translation>Емтихан бөлімі шешімдерді әлі жарияламады.</translation>
    </message>
    <message>
        <source>The exam package was not loaded.</source>
        <translation>Емтихан пакеті жүктелмеген.</translation>
    </message>
    <message>
        <source>The exam package was verified.</source>
        <translation>Емтихан пакеті тексерілді.</translation>
    </message>
    <message>
        <source>The exam started.</source>
        <translation>Емтихан басталды.</translation>
    </message>
    <message>
        <source>The exam was handed in.</source>
        <translation>Емтихан тапсырылды.</translation>
    </message>
    <message>
        <source>The exam was resumed after an interruption.</source>
        <translation>Емтихан үзілістен кейін жалғастырылды.</translation>
    </message>
    <message>
        <source>The exam window has focus again.</source>
        <translation>Емтихан терезесі қайта белсенді.</translation>
    </message>
    <message>
        <source>The exam window lost focus.</source>
        <translation>Емтихан терезесі фокусты жоғалтты.</translation>
    </message>
    <message>
        <source>The exam window was hidden.</source>
        <translation>Емтихан терезесі жасырылды.</translation>
    </message>
    <message>
        <source>The face changed during the check. The same person must do the whole check.</source>
        <translation>Тексеру кезінде бет ауысты. Бүкіл тексеруді бір адам өткізуі керек.</translation>
    </message>
    <message>
        <source>The face does not match the ID document.</source>
        <translation>Бет құжатқа сәйкес келмейді.</translation>
    </message>
    <message>
        <source>The face moved like a flat picture, not like a head. Use a live camera, not a photo or a screen.</source>
        <translation>Бет басы сияқты емес, жалпақ сурет сияқты қозғалды. Фото не экран емес, тірі камераны пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The file {json} saved beside this PDF is the receipt as the exam server signed it; with the server's key anyone can check it has not been changed.</source>
        <translation>Осы PDF-тің жанына сақталған {json} файлы — емтихан сервері қол қойған түбіртектің өзі; сервер кілтімен оның өзгертілмегенін кез келген адам тексере алады.</translation>
    </message>
    <message>
        <source>The hand-in document names the log it was sealed with.</source>
        <translation>Тапсыру құжатында ол мөрленген журнал көрсетілген.</translation>
    </message>
    <message>
        <source>The identity outcome in the hand-in differs from the one in the signed event log.</source>
        <translation>Тапсырудағы тұлғаны тексеру нәтижесі қол қойылған оқиғалар журналындағыдан өзгеше.</translation>
    </message>
    <message>
        <source>The identity outcome in the hand-in is the one signed into the event log (what the student was told).</source>
        <translation>Тапсырудағы тұлғаны тексеру нәтижесі оқиғалар журналына қол қойылып жазылғанмен бірдей (студентке айтылғаны).</translation>
    </message>
    <message>
        <source>The liveness check was not run.</source>
        <translation>Тірілікті тексеру жүргізілмеді.</translation>
    </message>
    <message>
        <source>The microphone could not be opened.</source>
        <translation>Микрофонды ашу мүмкін болмады.</translation>
    </message>
    <message>
        <source>The note is longer than {n} characters.</source>
        <translation>Ескертпе {n} таңбадан ұзын.</translation>
    </message>
    <message>
        <source>The paper recorded in the bundle differs from the one its seed gives (seed_mismatch); the seed's paper is shown.</source>
        <translation>Жиынтықта жазылған жұмыс оның seed мәні беретін жұмыстан өзгеше (seed_mismatch); seed бойынша жұмыс көрсетілген.</translation>
    </message>
    <message>
        <source>The person in front of the camera may not be the student.</source>
        <translation>Камера алдындағы адам студент болмауы мүмкін.</translation>
    </message>
    <message>
        <source>The picture is blurred. Hold still and clean the camera lens.</source>
        <translation>Сурет бұлыңғыр. Қозғалмаңыз және камера линзасын тазалаңыз.</translation>
    </message>
    <message>
        <source>The picture is too bright. Avoid direct light on the camera.</source>
        <translation>Сурет тым жарық. Камераға тікелей жарық түсірмеңіз.</translation>
    </message>
    <message>
        <source>The picture is too dark. Turn on a light in front of you.</source>
        <translation>Сурет тым қараңғы. Алдыңыздағы жарықты қосыңыз.</translation>
    </message>
    <message>
        <source>The picture is too small: choose a camera with at least 640×360.</source>
        <translation>Сурет тым кішкентай: кемінде 640×360 камера таңдаңыз.</translation>
    </message>
    <message>
        <source>The portrait on the ID document is not usable. Take a sharper, evenly lit photo.</source>
        <translation>Құжаттағы суретті пайдалану мүмкін емес. Анығырақ, біркелкі жарықталған сурет түсіріңіз.</translation>
    </message>
    <message>
        <source>The receipt could not be saved there. Choose another folder.</source>
        <translation>Түбіртекті ол жерге сақтау мүмкін болмады. Басқа қалтаны таңдаңыз.</translation>
    </message>
    <message>
        <source>The receipt hash was copied.</source>
        <translation>Түбіртек хэші көшірілді.</translation>
    </message>
    <message>
        <source>The receipt is for another attempt.</source>
        <translation>Түбіртек басқа әрекетке берілген.</translation>
    </message>
    <message>
        <source>The receipt was issued for different bytes than the bundle downloaded.</source>
        <translation>Түбіртек жүктеп алынған жиынтықтан басқа байттарға берілген.</translation>
    </message>
    <message>
        <source>The result is signed by a key that was never registered for this attempt.</source>
        <translation>Нәтижеге бұл әрекет үшін ешқашан тіркелмеген кілтпен қол қойылған.</translation>
    </message>
    <message>
        <source>The result is signed by an earlier attempt key, not the current one (the key changed {n} time(s)); ask the server operator for the key history.</source>
        <translation>Нәтижеге қазіргі емес, бұрынғы әрекет кілтімен қол қойылған (кілт {n} рет ауысқан); кілттер тарихын сервер операторынан сұраңыз.</translation>
    </message>
    <message>
        <source>The result names another attempt.</source>
        <translation>Нәтижеде басқа әрекет көрсетілген.</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://.</source>
        <translation>Сервер мекенжайы http:// немесе https:// деп басталуы керек.</translation>
    </message>
    <message>
        <source>The server answered {status} to {method} {path}.</source>
        <translation>Сервер {method} {path} сұрауына {status} деп жауап берді.</translation>
    </message>
    <message>
        <source>The server answered {status} to {method} {path}: {message}</source>
        <translation>Сервер {method} {path} сұрауына {status} деп жауап берді: {message}</translation>
    </message>
    <message>
        <source>The server has no attempt key on record to check the signature.</source>
        <translation>Қолтаңбаны тексеру үшін серверде тіркелген әрекет кілті жоқ.</translation>
    </message>
    <message>
        <source>The server has no receipt for this hand-in.</source>
        <translation>Серверде бұл тапсыруға түбіртек жоқ.</translation>
    </message>
    <message>
        <source>The server key answer cannot be read.</source>
        <translation>Сервер кілті туралы жауапты оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>The server receipt's signature does not verify.</source>
        <translation>Сервер түбіртегінің қолтаңбасы расталмады.</translation>
    </message>
    <message>
        <source>The server refused the invigilator token (unknown or expired).</source>
        <translation>Сервер бақылаушы токенін қабылдамады (белгісіз немесе мерзімі өткен).</translation>
    </message>
    <message>
        <source>The server sent a receipt that is not an object.</source>
        <translation>Сервер жіберген түбіртек объект емес.</translation>
    </message>
    <message>
        <source>The server sent a session entry that cannot be read.</source>
        <translation>Сервер оқылмайтын сессия жазбасын жіберді.</translation>
    </message>
    <message>
        <source>The server sent an unreadable answer to {path}.</source>
        <translation>Сервер {path} сұрауына оқылмайтын жауап жіберді.</translation>
    </message>
    <message>
        <source>The server's signed receipt covers exactly these bytes.</source>
        <translation>Сервердің қол қойылған түбіртегі дәл осы байттарға берілген.</translation>
    </message>
    <message>
        <source>The similarity is close to the threshold; an invigilator will review it.</source>
        <translation>Ұқсастық шекке жақын; оны бақылаушы тексереді.</translation>
    </message>
    <message>
        <source>The software only points: compare the faces yourself before deciding.</source>
        <translation>Бағдарлама тек нұсқайды: шешім қабылдамас бұрын беттерді өзіңіз салыстырыңыз.</translation>
    </message>
    <message>
        <source>The speaker could not be opened.</source>
        <translation>Динамикті ашу мүмкін болмады.</translation>
    </message>
    <message>
        <source>The student ID or access code is not right. Check your exam invitation and try again.</source>
        <translation>Студент ID немесе кіру коды дұрыс емес. Емтихан шақыруын тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The student declined consent.</source>
        <translation>Студент келісім беруден бас тартты.</translation>
    </message>
    <message>
        <source>The student gave consent.</source>
        <translation>Студент келісім берді.</translation>
    </message>
    <message>
        <source>The student looked away from the screen for a while.</source>
        <translation>Студент біраз уақыт экраннан басқа жаққа қарады.</translation>
    </message>
    <message>
        <source>The student signed in.</source>
        <translation>Студент кірді.</translation>
    </message>
    <message>
        <source>There is no flag #{seq} in this session.</source>
        <translation>Бұл сессияда №{seq} белгі жоқ.</translation>
    </message>
    <message>
        <source>This answer could not be saved: it does not fit the question.</source>
        <translation>Бұл жауапты сақтау мүмкін болмады: ол сұраққа сәйкес келмейді.</translation>
    </message>
    <message>
        <source>This exam file is not signed by a trusted exam author. It was not used; contact your exam office.</source>
        <translation>Бұл емтихан файлына сенімді автор қол қоймаған. Ол пайдаланылмады; емтихан бөліміне хабарласыңыз.</translation>
    </message>
    <message>
        <source>This exam has not opened yet. Check the start time in your invitation.</source>
        <translation>Бұл емтихан әлі ашылған жоқ. Шақырудағы басталу уақытын тексеріңіз.</translation>
    </message>
    <message>
        <source>This exam is closed.</source>
        <translation>Бұл емтихан жабық.</translation>
    </message>
    <message>
        <source>This file is not a readable picture.</source>
        <translation>Бұл файл оқылатын сурет емес.</translation>
    </message>
    <message>
        <source>This file is not an institution results key (X25519).</source>
        <translation>Бұл файл оқу орнының нәтижелер кілті емес (X25519).</translation>
    </message>
    <message>
        <source>This file is not an invigilator signing key (Ed25519).</source>
        <translation>Бұл файл бақылаушының қолтаңба кілті емес (Ed25519).</translation>
    </message>
    <message>
        <source>This hand-in is for exam {exam}, but the loaded package is {package}.</source>
        <translation>Бұл тапсыру {exam} емтиханына арналған, ал жүктелген пакет — {package}.</translation>
    </message>
    <message>
        <source>This hand-in was written on version {version} of the exam; the loaded package is version {package}.</source>
        <translation>Бұл жұмыс емтиханның {version}-нұсқасы бойынша жазылған; жүктелген пакет — {package}-нұсқа.</translation>
    </message>
    <message>
        <source>This is an older version of the exam than one already used on this computer. Download the current version.</source>
        <translation>Бұл осы компьютерде пайдаланылған нұсқадан ескірек емтихан нұсқасы. Ағымдағы нұсқаны жүктеңіз.</translation>
    </message>
    <message>
        <source>This session has not been handed in yet.</source>
        <translation>Бұл сессия әлі тапсырылмаған.</translation>
    </message>
    <message>
        <source>This token is not allowed to review sessions.</source>
        <translation>Бұл токенмен сессияларды тексеруге болмайды.</translation>
    </message>
    <message>
        <source>This version of the student client is too old for this exam server. Download and install the current version from your university's exam page, then sign in again.</source>
        <translation>Студент клиентінің бұл нұсқасы осы емтихан сервері үшін тым ескі. Университетіңіздің емтихан бетінен ағымдағы нұсқасын жүктеп алып орнатыңыз, содан кейін қайта кіріңіз.</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Шек</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Уақыт (UTC)</translation>
    </message>
    <message>
        <source>Time is up: your answers are being handed in automatically.</source>
        <translation>Уақыт бітті: жауаптарыңыз автоматты түрде тапсырылуда.</translation>
    </message>
    <message>
        <source>Time was up: handed in automatically.</source>
        <translation>Уақыт бітті: автоматты түрде тапсырылды.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>Too bright: move away from the window or lamp behind the camera.</source>
        <translation>Тым жарық: камераның артындағы терезеден не шамнан алыстаңыз.</translation>
    </message>
    <message>
        <source>Too dark: turn on a light in front of you.</source>
        <translation>Тым қараңғы: алдыңыздағы шамды жағыңыз.</translation>
    </message>
    <message>
        <source>Too many tries. Wait a few minutes, then try again.</source>
        <translation>Тым көп әрекет. Бірнеше минут күтіп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Әрекеттер</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Дұрыс</translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation>&amp;Қайталау</translation>
    </message>
    <message>
        <source>Try again with another document photo (tries left: {left})</source>
        <translation>Құжаттың басқа суретімен қайталау (қалған әрекет: {left})</translation>
    </message>
    <message>
        <source>Trying to upload again…</source>
        <translation>Қайта жүктеп көрудеміз…</translation>
    </message>
    <message>
        <source>UNREADABLE</source>
        <translation>ОҚЫЛМАЙДЫ</translation>
    </message>
    <message>
        <source>UNREADABLE — {why}</source>
        <translation>ОҚЫЛМАЙДЫ — {why}</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {detail}</source>
        <translation>Күтпеген қате ({kind}): {detail}</translation>
    </message>
    <message>
        <source>Upload (kbit/s)</source>
        <translation>Жіберу (кбит/с)</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Түпнұсқалықты тексеру</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Тексерілді</translation>
    </message>
    <message>
        <source>Verified: decrypted locally, attempt signature, server receipt and event-log hash chain all check out.</source>
        <translation>Тексерілді: осы компьютерде шифры ашылды; әрекет қолтаңбасы, сервер түбіртегі және оқиғалар журналының хэш тізбегі — бәрі дұрыс.</translation>
    </message>
    <message>
        <source>Verified: “{title}”, version {version}, signed by author key {signer}. Checked: {checks}.</source>
        <translation>Тексерілді: «{title}», {version}-нұсқа, {signer} автор кілтімен қол қойылған. Тексерілгені: {checks}.</translation>
    </message>
    <message>
        <source>Verified: “{title}”, version {version}, signed by {signer}. Checked: {checks}.</source>
        <translation>Тексерілді: «{title}», {version}-нұсқа, қол қойған: {signer}. Тексерілгені: {checks}.</translation>
    </message>
    <message>
        <source>Verifying the exam package</source>
        <translation>Емтихан пакетін тексеру</translation>
    </message>
    <message>
        <source>Violation confirmed</source>
        <translation>Бұзушылық расталды</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>Камера күтілуде…</translation>
    </message>
    <message>
        <source>We check your camera, headset and connection before the exam.</source>
        <translation>Емтихан алдында камераны, гарнитураны және байланысты тексереміз.</translation>
    </message>
    <message>
        <source>We could not confirm it automatically: {reason} You may continue; a person will review your identity after the exam.</source>
        <translation>Автоматты түрде растай алмадық: {reason} Жалғастыра беруге болады; емтиханнан кейін тұлғаңызды адам тексереді.</translation>
    </message>
    <message>
        <source>What the student was told</source>
        <translation>Студентке не айтылды</translation>
    </message>
    <message>
        <source>What was &amp;recorded about me</source>
        <translation>Мен туралы не &amp;жазылды</translation>
    </message>
    <message>
        <source>What was recorded about you</source>
        <translation>Сіз туралы не жазылды</translation>
    </message>
    <message>
        <source>Whole exam</source>
        <translation>Бүкіл емтихан</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ені</translation>
    </message>
    <message>
        <source>You answered {done} of {total} questions ({flagged} flagged). After handing in you cannot change your answers.</source>
        <translation>{total} сұрақтың {done}-іне жауап бердіңіз ({flagged} белгіленген). Тапсырғаннан кейін жауаптарды өзгерту мүмкін емес.</translation>
    </message>
    <message>
        <source>You answered {done} of {total} questions. Unanswered: {unanswered}. Flagged for review: {flagged}. After handing in you cannot change your answers.</source>
        <translation>Сіз {total} сұрақтың {done} сұрағына жауап бердіңіз. Жауапсыз: {unanswered}. Қайта қарауға белгіленген: {flagged}. Тапсырғаннан кейін жауаптарды өзгерту мүмкін емес.</translation>
    </message>
    <message>
        <source>You declined proctoring, so this exam cannot start online. Nothing was recorded. Please contact your exam office to arrange another way to take it. You can close this window.</source>
        <translation>Сіз прокторингтен бас тарттыңыз, сондықтан емтихан онлайн басталмайды. Ештеңе жазылған жоқ. Емтиханды басқа жолмен тапсыру үшін емтихан бөліміне хабарласыңыз. Бұл терезені жабуға болады.</translation>
    </message>
    <message>
        <source>You left the exam window for {seconds} s; this is recorded.</source>
        <translation>Сіз емтихан терезесінен {seconds} с шықтыңыз; бұл жазылды.</translation>
    </message>
    <message>
        <source>You may not write in that folder. Choose another folder, e.g. Documents.</source>
        <translation>Бұл қалтаға жазуға рұқсатыңыз жоқ. Басқа қалтаны таңдаңыз, мысалы, «Құжаттар».</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Сіздің тіркелгіңіз мұны істей алмайды.</translation>
    </message>
    <message>
        <source>Your answers are encrypted for your university and uploaded.</source>
        <translation>Жауаптарыңыз университетіңіз үшін шифрланып, жүктеледі.</translation>
    </message>
    <message>
        <source>Your eyes seem closed. Keep your eyes open and look at the camera.</source>
        <translation>Көзіңіз жұмулы сияқты. Көзіңізді ашып, камераға қараңыз.</translation>
    </message>
    <message>
        <source>Your face did not match the photo on your document; an invigilator will decide.</source>
        <translation>Бетіңіз құжаттағы суретпен сәйкес келмеді; шешімді бақылаушы қабылдайды.</translation>
    </message>
    <message>
        <source>Your face is cut off. Move to the centre of the picture.</source>
        <translation>Бетіңіз толық көрінбейді. Кадрдың ортасына отырыңыз.</translation>
    </message>
    <message>
        <source>Your face is too dark to compare: turn on a light in front of you.</source>
        <translation>Бетіңіз салыстыруға тым қараңғы: алдыңыздағы шамды жағыңыз.</translation>
    </message>
    <message>
        <source>Your face is too small. Move closer to the camera.</source>
        <translation>Бетіңіз тым кішкентай. Камераға жақынырақ отырыңыз.</translation>
    </message>
    <message>
        <source>Your face jumped to another place in the picture. Keep the camera still and try again.</source>
        <translation>Бетіңіз суреттің басқа жеріне секірді. Камераны қозғалтпай, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Your face matched the photo on your document.</source>
        <translation>Бетіңіз құжаттағы суретпен сәйкес келді.</translation>
    </message>
    <message>
        <source>Your face matches the photo on your document.</source>
        <translation>Бетіңіз құжаттағы суретке сәйкес келеді.</translation>
    </message>
    <message>
        <source>Your face was not visible during the whole check. Stay in front of the camera.</source>
        <translation>Тексеру бойы бетіңіз көрінбей қалды. Камераның алдында болыңыз.</translation>
    </message>
    <message>
        <source>Your name as it appears on decisions</source>
        <translation>Шешімдерде көрсетілетін атыңыз</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation>Кіру мерзімі өтті. Қайта кіріңіз.</translation>
    </message>
    <message>
        <source>Your signing key</source>
        <translation>Қолтаңба кілтіңіз</translation>
    </message>
    <message>
        <source>a small picture of your screen when you leave the exam window, connect a second screen or such a program runs</source>
        <translation>емтихан терезесінен шыққанда, екінші экран қосқанда немесе осындай бағдарлама іске қосылғанда экраныңыздың шағын суреті</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>дабыл</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>және тағы {count}</translation>
    </message>
    <message>
        <source>at upload: {announced}; in the decrypted log: {found}</source>
        <translation>жүктеу кезінде: {announced}; шифры ашылған журналда: {found}</translation>
    </message>
    <message>
        <source>cannot read private key file {path}: {detail}</source>
        <translation>{path} жабық кілт файлын оқу мүмкін емес: {detail}</translation>
    </message>
    <message>
        <source>chain broken</source>
        <translation>тізбек үзілген</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>дұрыс</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>сәйкес емес</translation>
    </message>
    <message>
        <source>e.g. phys-101-final</source>
        <translation>мысалы, phys-101-final</translation>
    </message>
    <message>
        <source>exam id</source>
        <translation>емтихан ID</translation>
    </message>
    <message>
        <source>false</source>
        <translation>жалған</translation>
    </message>
    <message>
        <source>file hashes</source>
        <translation>файл хэштері</translation>
    </message>
    <message>
        <source>found: {names}</source>
        <translation>табылды: {names}</translation>
    </message>
    <message>
        <source>handed in {when}</source>
        <translation>тапсырылды: {when}</translation>
    </message>
    <message>
        <source>info</source>
        <translation>ақпарат</translation>
    </message>
    <message>
        <source>information (not graded)</source>
        <translation>ақпарат (бағаланбайды)</translation>
    </message>
    <message>
        <source>institution key</source>
        <translation>оқу орнының кілті</translation>
    </message>
    <message>
        <source>invalid answer: {why}</source>
        <translation>жарамсыз жауап: {why}</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>кбит/с</translation>
    </message>
    <message>
        <source>late by {seconds} s</source>
        <translation>{seconds} с кешікті</translation>
    </message>
    <message>
        <source>match</source>
        <translation>сәйкес</translation>
    </message>
    <message>
        <source>needs a human grader</source>
        <translation>адам бағалауы керек</translation>
    </message>
    <message>
        <source>never moved: graded in the order shown, as Moodle does</source>
        <translation>жылжытылмаған: Moodle сияқты көрсетілген ретпен бағаланды</translation>
    </message>
    <message>
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>no evidence</source>
        <translation>дәлел жоқ</translation>
    </message>
    <message>
        <source>no frame</source>
        <translation>кадр жоқ</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>сурет жоқ</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>сәйкес емес</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>ескертпе жоқ</translation>
    </message>
    <message>
        <source>no portrait in the bundle</source>
        <translation>жиынтықта сурет жоқ</translation>
    </message>
    <message>
        <source>no thumbnail</source>
        <translation>сурет жоқ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>жауап жоқ</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>бағаланбайды</translation>
    </message>
    <message>
        <source>not opened</source>
        <translation>ашылмаған</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>орындалмады</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>хабарлама</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>уақытында</translation>
    </message>
    <message>
        <source>paper maximum {max}.</source>
        <translation>жұмыстың ең жоғары балы {max}.</translation>
    </message>
    <message>
        <source>partly correct</source>
        <translation>ішінара дұрыс</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>орындалды</translation>
    </message>
    <message>
        <source>private key file {path} is protected by a passphrase; none was given</source>
        <translation>{path} жабық кілт файлы құпия фразамен қорғалған; ол енгізілмеді</translation>
    </message>
    <message>
        <source>remote control</source>
        <translation>қашықтан басқару</translation>
    </message>
    <message>
        <source>remote-control, screen-sharing and recording programs that are running</source>
        <translation>іске қосылған қашықтан басқару, экранды көрсету және жазу бағдарламалары</translation>
    </message>
    <message>
        <source>reviewer name</source>
        <translation>тексерушінің аты</translation>
    </message>
    <message>
        <source>screen recording</source>
        <translation>экранды жазу</translation>
    </message>
    <message>
        <source>screen sharing</source>
        <translation>экранды көрсету</translation>
    </message>
    <message>
        <source>select an event</source>
        <translation>оқиғаны таңдаңыз</translation>
    </message>
    <message>
        <source>server</source>
        <translation>сервер</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>қолтаңба</translation>
    </message>
    <message>
        <source>signing key</source>
        <translation>қолтаңба кілті</translation>
    </message>
    <message>
        <source>the result envelope has an invalid ephemeral key</source>
        <translation>нәтиже конвертінің уақытша кілті жарамсыз</translation>
    </message>
    <message>
        <source>this result is sealed to a different institution key</source>
        <translation>бұл нәтиже басқа оқу орнының кілтіне шифрланған</translation>
    </message>
    <message>
        <source>thumbnail dropped (evidence budget)</source>
        <translation>сурет алынып тасталды (дәлел көлемінің шегі)</translation>
    </message>
    <message>
        <source>to compare</source>
        <translation>салыстыру керек</translation>
    </message>
    <message>
        <source>to grade by hand</source>
        <translation>қолмен бағалау керек</translation>
    </message>
    <message>
        <source>token</source>
        <translation>токен</translation>
    </message>
    <message>
        <source>true</source>
        <translation>ақиқат</translation>
    </message>
    <message>
        <source>undecided</source>
        <translation>шешілмеген</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>тексерілді</translation>
    </message>
    <message>
        <source>version</source>
        <translation>нұсқа</translation>
    </message>
    <message>
        <source>virtual machine</source>
        <translation>виртуалды машина</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>ескерту</translation>
    </message>
    <message>
        <source>webcam pictures when something unusual happens</source>
        <translation>ерекше жағдай болғанда веб-камера суреттері</translation>
    </message>
    <message>
        <source>when the exam window loses focus</source>
        <translation>емтихан терезесінен шыққан кез</translation>
    </message>
    <message>
        <source>whether someone speaks near the microphone (nothing is recorded)</source>
        <translation>микрофон жанында біреу сөйлей ме (ештеңе жазылмайды)</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>қате</translation>
    </message>
    <message>
        <source>wrong passphrase for private key file {path}</source>
        <translation>{path} жабық кілт файлының құпия фразасы қате</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <source>your ID document's photo and a picture of your face from the identity check</source>
        <translation>жеке куәлігіңіздегі фото және тұлғаны тексеру кезінде түсірілген бет суретіңіз</translation>
    </message>
    <message>
        <source>your answers and their times</source>
        <translation>жауаптарыңыз және олардың уақыты</translation>
    </message>
    <message>
        <source>your exam office</source>
        <translation>емтихан бөліміңіз</translation>
    </message>
    <message>
        <source>your university's exam office (encrypted to its key)</source>
        <translation>университетіңіздің емтихан бөлімі (оның кілтімен шифрланған)</translation>
    </message>
    <message>
        <source>{count} alert</source>
        <translation>{count} дабыл</translation>
    </message>
    <message>
        <source>{count} evidence pictures were dropped to keep the hand-in small; the log says which.</source>
        <translation>Тапсыру көлемі шағын болуы үшін {count} дәлел суреті алынып тасталды; қайсысы екені журналда жазылған.</translation>
    </message>
    <message>
        <source>{count} flag(s) open</source>
        <translation>{count} белгі шешілмеген</translation>
    </message>
    <message>
        <source>{count} question(s) to grade by hand (up to {points} points)</source>
        <translation>қолмен бағаланатын {count} сұрақ ({points} ұпайға дейін)</translation>
    </message>
    <message>
        <source>{count} screens are connected during the exam; this is recorded for the invigilator.</source>
        <translation>Емтихан кезінде {count} экран қосулы; бұл бақылаушы үшін жазылды.</translation>
    </message>
    <message>
        <source>{count} session(s) exported to {path}.</source>
        <translation>{count} сессия экспортталды: {path}.</translation>
    </message>
    <message>
        <source>{count} session(s) of {exam}.</source>
        <translation>{exam}: {count} сессия.</translation>
    </message>
    <message>
        <source>{count} warn</source>
        <translation>{count} ескерту</translation>
    </message>
    <message>
        <source>{kbps} kbit/s — enough (needed: {need}).</source>
        <translation>{kbps} кбит/с — жеткілікті (қажеті: {need}).</translation>
    </message>
    <message>
        <source>{kbps} kbit/s — too slow (needed: {need}). Move closer to the Wi-Fi router or use a cable, and stop other downloads.</source>
        <translation>{kbps} кбит/с — тым баяу (қажеті: {need}). Wi-Fi роутерге жақындаңыз немесе кабель қолданыңыз, басқа жүктеулерді тоқтатыңыз.</translation>
    </message>
    <message>
        <source>{missing} of {total} flag(s) still need your decision</source>
        <translation>{total} белгінің {missing} әлі сіздің шешіміңізді күтуде</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <source>{n} more live frame(s) in the bundle.</source>
        <translation>Жиынтықта тағы {n} тірі кадр бар.</translation>
    </message>
    <message>
        <source>{n} thumbnail(s) intact.</source>
        <translation>{n} сурет бүтін.</translation>
    </message>
    <message>
        <source>{outcome} (open)</source>
        <translation>{outcome} (ашық)</translation>
    </message>
    <message>
        <source>{path} is not a PEM private key</source>
        <translation>{path} — PEM жабық кілті емес</translation>
    </message>
    <message>
        <source>{path}: decryption failed at chunk {index} (wrong content key, or the file was altered or truncated)</source>
        <translation>{path}: {index} бөлікте шифрды ашу мүмкін болмады (мазмұн кілті қате немесе файл өзгертілген не қысқартылған)</translation>
    </message>
    <message>
        <source>{path}: not an encrypted Emtihan file (bad header)</source>
        <translation>{path}: шифрланған Emtihan файлы емес (тақырыбы қате)</translation>
    </message>
    <message>
        <source>{path}: only Ed25519 and X25519 keys are supported</source>
        <translation>{path}: тек Ed25519 және X25519 кілттеріне қолдау көрсетіледі</translation>
    </message>
    <message>
        <source>{points}/{max} points</source>
        <translation>{points}/{max} ұпай</translation>
    </message>
    <message>
        <source>{title}
{opens} → {closes}, {duration}</source>
        <translation>{title}
{opens} → {closes}, {duration}</translation>
    </message>
    <message>
        <source>{what} failed: {message}</source>
        <translation>{what} сәтсіз аяқталды: {message}</translation>
    </message>
    <message>
        <source>{what}: {outcome} — signed and recorded.</source>
        <translation>{what}: {outcome} — қол қойылып, жазылды.</translation>
    </message>
    <message>
        <source>{why} You can take another photo.</source>
        <translation>{why} Басқа сурет түсіруге болады.</translation>
    </message>
    <message>
        <source>{w}×{h}, {fps} frames/s, brightness {b}/255, faces: {faces}</source>
        <translation>{w}×{h}, {fps} кадр/с, жарықтық {b}/255, беттер: {faces}</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— таңдаңыз —</translation>
    </message>
    <message>
        <source>← &amp;Previous</source>
        <translation>← &amp;Алдыңғы</translation>
    </message>
    <message>
        <source>⚑ Flag for review</source>
        <translation>⚑ Қайта қарауға белгілеу</translation>
    </message>
    <message>
        <source>✓ answered   ⚑ flagged for review</source>
        <translation>✓ жауап берілді   ⚑ қайта қарауға белгіленді</translation>
    </message>
</context>
</TS>
