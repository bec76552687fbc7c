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
        <source>&lt;b&gt;What is recorded:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;b&gt;Where it goes:&lt;/b&gt; {dest}.&lt;br&gt;&lt;b&gt;How long it is kept:&lt;/b&gt; {days} days after the exam closes, then deleted; the invigilators' decisions and the receipt record (no pictures, no answers) for {records} days. This computer deletes its copy once the server has signed the receipt.&lt;br&gt;&lt;b&gt;Questions or objections:&lt;/b&gt; {contact}.&lt;br&gt;&lt;br&gt;Nothing is decided automatically: a person reviews every flag.</source>
        <translation>&lt;b&gt;Не жазылады:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;b&gt;Қайда жіберіледі:&lt;/b&gt; {dest}.&lt;br&gt;&lt;b&gt;Қанша уақыт сақталады:&lt;/b&gt; емтихан жабылғаннан кейін {days} күн, содан кейін жойылады; бақылаушылардың шешімдері мен түбіртек жазбасы (суретсіз, жауапсыз) — {records} күн. Сервер түбіртекке қол қойған соң, бұл компьютер өз көшірмесін жояды.&lt;br&gt;&lt;b&gt;Сұрақтар мен қарсылықтар:&lt;/b&gt; {contact}.&lt;br&gt;&lt;br&gt;Ештеңе автоматты түрде шешілмейді: әр белгіні адам қарайды.</translation>
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
        <source>All answers saved on this computer.</source>
        <translation>Барлық жауап осы компьютерде сақталды.</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Барлық тексеру сәтті өтті.</translation>
    </message>
    <message>
        <source>An invigilator will compare your face with your document.</source>
        <translation>Бақылаушы бетіңізді құжатыңызбен салыстырады.</translation>
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
        <source>Blink twice.</source>
        <translation>Екі рет көзіңізді жұмыңыз.</translation>
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
        <source>Choose your exam and download it.</source>
        <translation>Емтиханды таңдап, жүктеп алыңыз.</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Ақталды</translation>
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
        <source>Decisions released on {date}:</source>
        <translation>Шешімдер {date} жарияланды:</translation>
    </message>
    <message>
        <source>Document photo added.</source>
        <translation>Құжат суреті қосылды.</translation>
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
        <source>Exam</source>
        <translation>Емтихан</translation>
    </message>
    <message>
        <source>Face distance</source>
        <translation>Бет арақашықтығы</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Бұрыс</translation>
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
        <source>Flags recorded ({count} of {events} events):</source>
        <translation>Жазылған белгілер ({events} оқиғаның {count}):</translation>
    </message>
    <message>
        <source>Found and recorded for the invigilator: {names}</source>
        <translation>Табылды және бақылаушы үшін жазылды: {names}</translation>
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
        <source>Headset</source>
        <translation>Гарнитура</translation>
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
        <source>ID document photo</source>
        <translation>Жеке куәлік суреті</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Тұлғаны растау</translation>
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
        <source>Leave the exam?</source>
        <translation>Емтиханнан шығасыз ба?</translation>
    </message>
    <message>
        <source>Listen and count…</source>
        <translation>Тыңдап, санаңыз…</translation>
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
        <source>No sound yet: unmute the microphone or pick the headset in your system sound settings.</source>
        <translation>Әзірге дыбыс жоқ: микрофонды қосыңыз немесе жүйенің дыбыс баптауларынан гарнитураны таңдаңыз.</translation>
    </message>
    <message>
        <source>No speaker or headphones found.</source>
        <translation>Динамик не құлаққап табылмады.</translation>
    </message>
    <message>
        <source>No usable camera picture of your face.</source>
        <translation>Камерадан бетіңіздің жарамды суреті алынбады.</translation>
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
        <source>Not quite. Turn the volume up, check that the sound goes to your headset, and play the sound again.</source>
        <translation>Дұрыс емес. Дыбысты көтеріп, дыбыс гарнитураға баратынын тексеріп, қайта ойнатыңыз.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Сақталмады: {why}</translation>
    </message>
    <message>
        <source>Noted: you cannot hear the test sound. You may continue; this is recorded for the invigilator. Audio instructions during the exam will not reach you.</source>
        <translation>Белгіленді: сынақ дыбысын естімейсіз. Жалғастыра аласыз; бұл бақылаушы үшін жазылады. Емтихан кезіндегі дыбыстық нұсқаулар сізге жетпейді.</translation>
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
        <source>Other event: {kind}</source>
        <translation>Басқа оқиға: {kind}</translation>
    </message>
    <message>
        <source>Other programs</source>
        <translation>Басқа бағдарламалар</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF құжаты</translation>
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
        <source>Review band (a person compares)</source>
        <translation>Тексеру аралығы (адам салыстырады)</translation>
    </message>
    <message>
        <source>Running during the exam: {names}. This is recorded for the invigilator.</source>
        <translation>Емтихан кезінде іске қосылған: {names}. Бұл бақылаушы үшін жазылды.</translation>
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
        <source>Sign in</source>
        <translation>Кіру</translation>
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
        <source>Signing in…</source>
        <translation>Кіру…</translation>
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
        <source>Speech was detected on the microphone.</source>
        <translation>Микрофонда сөйлеу анықталды.</translation>
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
        <source>System check</source>
        <translation>Жүйені тексеру</translation>
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
        <source>The exam was resumed after an interruption.</source>
        <translation>Емтихан үзілістен кейін жалғастырылды.</translation>
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
        <source>The liveness check was not run.</source>
        <translation>Тірілікті тексеру жүргізілмеді.</translation>
    </message>
    <message>
        <source>The microphone could not be opened.</source>
        <translation>Микрофонды ашу мүмкін болмады.</translation>
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
        <source>The similarity is close to the threshold; an invigilator will review it.</source>
        <translation>Ұқсастық шекке жақын; оны бақылаушы тексереді.</translation>
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
        <source>The student looked away from the screen for a while.</source>
        <translation>Студент біраз уақыт экраннан басқа жаққа қарады.</translation>
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
        <source>This is an older version of the exam than one already used on this computer. Download the current version.</source>
        <translation>Бұл осы компьютерде пайдаланылған нұсқадан ескірек емтихан нұсқасы. Ағымдағы нұсқаны жүктеңіз.</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Шек</translation>
    </message>
    <message>
        <source>Time is up: your answers are being handed in automatically.</source>
        <translation>Уақыт бітті: жауаптарыңыз автоматты түрде тапсырылуда.</translation>
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
        <source>Verified: “{title}”, version {version}, signed by author key {signer}. Checked: {checks}.</source>
        <translation>Тексерілді: «{title}», {version}-нұсқа, {signer} автор кілтімен қол қойылған. Тексерілгені: {checks}.</translation>
    </message>
    <message>
        <source>Verified: “{title}”, version {version}, signed by {signer}. Checked: {checks}.</source>
        <translation>Тексерілді: «{title}», {version}-нұсқа, қол қойған: {signer}. Тексерілгені: {checks}.</translation>
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
        <source>Your sign-in has expired. Sign in again.</source>
        <translation>Кіру мерзімі өтті. Қайта кіріңіз.</translation>
    </message>
    <message>
        <source>a small picture of your screen when you leave the exam window or such a program runs</source>
        <translation>емтихан терезесінен шыққанда немесе осындай бағдарлама іске қосылғанда экраныңыздың шағын суреті</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>дабыл</translation>
    </message>
    <message>
        <source>file hashes</source>
        <translation>файл хэштері</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>орындалмады</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>орындалды</translation>
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
        <source>screen recording</source>
        <translation>экранды жазу</translation>
    </message>
    <message>
        <source>screen sharing</source>
        <translation>экранды көрсету</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>қолтаңба</translation>
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
        <source>your answers and their times</source>
        <translation>жауаптарыңыз және олардың уақыты</translation>
    </message>
    <message>
        <source>your university's exam office (encrypted to its key)</source>
        <translation>университетіңіздің емтихан бөлімі (оның кілтімен шифрланған)</translation>
    </message>
    <message>
        <source>{count} evidence pictures were dropped to keep the hand-in small; the log says which.</source>
        <translation>Тапсыру көлемі шағын болуы үшін {count} дәлел суреті алынып тасталды; қайсысы екені журналда жазылған.</translation>
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
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <source>{n} more live frame(s) in the bundle.</source>
        <translation>Жиынтықта тағы {n} тірі кадр бар.</translation>
    </message>
    <message>
        <source>{title}
{opens} → {closes}, {duration}</source>
        <translation>{title}
{opens} → {closes}, {duration}</translation>
    </message>
    <message>
        <source>{w}×{h}, {fps} frames/s, brightness {b}/255, faces: {faces}</source>
        <translation>{w}×{h}, {fps} кадр/с, жарықтық {b}/255, беттер: {faces}</translation>
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
