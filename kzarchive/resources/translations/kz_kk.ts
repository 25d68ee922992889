<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Create a new vault</source>
        <translation>Жаңа қойма жасау</translation>
    </message>
    <message>
        <source>For example: Field work 2024</source>
        <translation>Мысалы: Далалық жұмыс 2024</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Құпия фразаны көрсету</translation>
    </message>
    <message>
        <source>Vault name:</source>
        <translation>Қойма атауы:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Бума:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Құпия фраза:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Қайталаңыз:</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Қойманы жасау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Everything in the vault is encrypted with a key that only your passphrase unlocks. Nobody can recover a forgotten passphrase, so choose one you will remember: several unrelated words are strong and easy to type.</source>
        <translation>Қоймадағы барлық дерек тек сіздің құпия фразаңыз ғана аша алатын кілтпен шифрланады. Ұмытылған құпия фразаны ешкім қалпына келтіре алмайды, сондықтан есіңізде қалатын фраза таңдаңыз: бір-бірімен байланысы жоқ бірнеше сөз әрі сенімді, әрі теруге оңай.</translation>
    </message>
    <message>
        <source>Too short: use at least {n} characters.</source>
        <translation>Тым қысқа: кемінде {n} таңба болуы керек.</translation>
    </message>
    <message>
        <source>Weak: add another word or two.</source>
        <translation>Әлсіз: тағы бір-екі сөз қосыңыз.</translation>
    </message>
    <message>
        <source>Fair: acceptable, but a longer passphrase is safer.</source>
        <translation>Орташа: жарамды, бірақ ұзынырақ фраза қауіпсіздеу.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Сенімді.</translation>
    </message>
    <message>
        <source>Use at least {n} characters; a few unrelated words are best.</source>
        <translation>Кемінде {n} таңба; бір-бірімен байланысы жоқ бірнеше сөз ең жақсы.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Екі фраза сәйкес келмейді.</translation>
    </message>
    <message>
        <source>Choose where to keep the vault</source>
        <translation>Қойма сақталатын буманы таңдаңыз</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Қойма жасалуда…</translation>
    </message>
    <message>
        <source>Deriving the encryption keys from your passphrase. This takes a moment on purpose: it makes guessing the passphrase slow for anyone else.</source>
        <translation>Құпия фразаңыздан шифрлау кілттері есептелуде. Бұл әдейі біраз уақыт алады: осылайша бөгде біреудің фразаны таңдап табуы өте баяу болады.</translation>
    </message>
    <message>
        <source>I have written the recovery code down.</source>
        <translation>Қалпына келтіру кодын жазып алдым.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Жалғастыру</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Қалпына келтіру кодыңыз</translation>
    </message>
    <message>
        <source>This code opens the vault if the passphrase is ever lost. It is shown only now. Write it on paper and keep it in a safe place away from this computer: anyone who has it can open the vault.</source>
        <translation>Құпия фраза жоғалса, бұл код қойманы ашады. Ол тек қазір ғана көрсетіледі. Оны қағазға жазып, осы компьютерден бөлек қауіпсіз жерде сақтаңыз: код кімнің қолында болса, сол қойманы аша алады.</translation>
    </message>
    <message>
        <source>Vault fingerprint</source>
        <translation>Қойманың саусақ ізі</translation>
    </message>
    <message>
        <source>Partners compare these digits with you, in person or by phone, before they trust what you send them.</source>
        <translation>Серіктестер сіз жіберген материалға сенбес бұрын осы сандарды сізбен жеке кездесіп немесе телефон арқылы салыстырады.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The passphrase is not correct for this vault.</source>
        <translation>Бұл қойманың құпия фразасы қате.</translation>
    </message>
    <message>
        <source>Check the keyboard layout and Caps Lock. If the passphrase is lost, unlock the vault with the recovery code.</source>
        <translation>Пернетақта тілін және Caps Lock пернесін тексеріңіз. Құпия фраза жоғалса, қойманы қалпына келтіру кодымен ашыңыз.</translation>
    </message>
    <message>
        <source>This folder is not a kzarchive vault: {path}</source>
        <translation>Бұл бума kzarchive қоймасы емес: {path}</translation>
    </message>
    <message>
        <source>Choose the folder that holds the file vault.keys.</source>
        <translation>Ішінде vault.keys файлы бар буманы таңдаңыз.</translation>
    </message>
    <message>
        <source>This vault was made by a newer version of kzarchive.</source>
        <translation>Бұл қойма kzarchive бағдарламасының жаңарақ нұсқасымен жасалған.</translation>
    </message>
    <message>
        <source>Update kzarchive to open it. Nothing was changed.</source>
        <translation>Оны ашу үшін kzarchive бағдарламасын жаңартыңыз. Ештеңе өзгертілген жоқ.</translation>
    </message>
    <message>
        <source>The vault is open in another kzarchive window or command.</source>
        <translation>Қойма kzarchive бағдарламасының басқа терезесінде немесе командасында ашық тұр.</translation>
    </message>
    <message>
        <source>Close the other window or command, then try again.</source>
        <translation>Басқа терезені немесе команданы жауып, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Қойма құлыпталған.</translation>
    </message>
    <message>
        <source>Unlock it with the passphrase first.</source>
        <translation>Алдымен оны құпия фразамен ашыңыз.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Дискіде бос орын жоқ.</translation>
    </message>
    <message>
        <source>Free some space and try again. Nothing was lost: the operation was undone.</source>
        <translation>Орын босатып, қайталап көріңіз. Ештеңе жоғалған жоқ: әрекет толығымен кері қайтарылды.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Тоқтатылды. Ештеңе өзгертілген жоқ.</translation>
    </message>
    <message>
        <source>A file was not found.</source>
        <translation>Файл табылмады.</translation>
    </message>
    <message>
        <source>Check that the drive is connected. Nothing was changed.</source>
        <translation>Дискінің қосулы екенін тексеріңіз. Ештеңе өзгертілген жоқ.</translation>
    </message>
    <message>
        <source>Integrity check failed: the data was damaged or altered.</source>
        <translation>Тұтастықты тексеру сәтсіз аяқталды: деректер бүлінген немесе өзгертілген.</translation>
    </message>
    <message>
        <source>Do not trust it; keep the file as it is and compare it with a backup.</source>
        <translation>Бұл деректерге сенбеңіз; файлды сол күйінде сақтап, сақтық көшірмемен салыстырыңыз.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Бірдеңе дұрыс болмады.</translation>
    </message>
    <message>
        <source>Nothing was changed. Please try again.</source>
        <translation>Ештеңе өзгертілген жоқ. Қайталап көріңіз.</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <source>Select an incident to see it here.</source>
        <translation>Мұнда көру үшін оқиғаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Шолу</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Бүркеншік ат</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Файл атауы</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Өлшемі</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Түсірілген уақыты</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалдар</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Қашан:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Қайда:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Күйі:</translation>
    </message>
    <message>
        <source>Violations:</source>
        <translation>Бұзушылықтар:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Белгілер:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>given</source>
        <translation>берілген</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>берілмеген</translation>
    </message>
    <message>
        <source>People ({n})</source>
        <translation>Адамдар ({n})</translation>
    </message>
    <message>
        <source>Items ({n})</source>
        <translation>Материалдар ({n})</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Бұзушылықтар</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалдар</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kzarchive</source>
        <translation>kzarchive</translation>
    </message>
    <message>
        <source>Search titles, places, testimony and notes…</source>
        <translation>Атаулар, орындар, айғақтар мен жазбалар бойынша іздеу…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Барлық күйлер</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Қойма</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Құлыптау</translation>
    </message>
    <message>
        <source>&amp;Close vault</source>
        <translation>Қойманы &amp;жабу</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Оқиға</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Іздеу</translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>&amp;About kzarchive</source>
        <translation>kzarchive &amp;туралы</translation>
    </message>
    <message>
        <source>Incidents found: {n}</source>
        <translation>Табылған оқиғалар: {n}</translation>
    </message>
    <message>
        <source>Incidents: {n}</source>
        <translation>Оқиғалар: {n}</translation>
    </message>
    <message>
        <source>About kzarchive</source>
        <translation>kzarchive туралы</translation>
    </message>
    <message>
        <source>kzarchive {version}</source>
        <translation>kzarchive {version}</translation>
    </message>
    <message>
        <source>A secure, offline evidence archive for human-rights documenters.

This vault&apos;s fingerprint:
{fingerprint}</source>
        <translation>Құқық бұзушылықтарды құжаттайтын құқық қорғаушыларға арналған қауіпсіз, желіден тыс дәлелдемелер мұрағаты.

Осы қойманың саусақ ізі:
{fingerprint}</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>Unlock — kzarchive</source>
        <translation>Құлыпты ашу — kzarchive</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Қойманың құлпын ашу</translation>
    </message>
    <message>
        <source>I lost the passphrase: use the recovery code</source>
        <translation>Құпия фраза жоғалды: қалпына келтіру кодын пайдалану</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Other vault…</source>
        <translation>Басқа қойма…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тіл:</translation>
    </message>
    <message>
        <source>This is the demo vault. Its passphrase is {passphrase}.</source>
        <translation>Бұл — демо қойма. Оның құпия фразасы: {passphrase}.</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>Қалпына келтіру коды:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Құпия фраза:</translation>
    </message>
    <message>
        <source>The code you wrote down when the vault was created</source>
        <translation>Қойманы жасаған кезде жазып алған кодыңыз</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Құпия фраза тексерілуде…</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Arbitrary detention</source>
        <translation>Негізсіз ұстау</translation>
    </message>
    <message>
        <source>Torture or ill-treatment</source>
        <translation>Азаптау немесе қатыгез қарау</translation>
    </message>
    <message>
        <source>Killing</source>
        <translation>Кісі өлтіру</translation>
    </message>
    <message>
        <source>Enforced disappearance</source>
        <translation>Күштеп жоғалту</translation>
    </message>
    <message>
        <source>Excessive force</source>
        <translation>Күшті шектен тыс қолдану</translation>
    </message>
    <message>
        <source>Attack on a journalist</source>
        <translation>Журналистке шабуыл</translation>
    </message>
    <message>
        <source>Denial of legal counsel</source>
        <translation>Адвокатқа жол бермеу</translation>
    </message>
    <message>
        <source>Internet shutdown or censorship</source>
        <translation>Интернетті өшіру немесе цензура</translation>
    </message>
    <message>
        <source>Harassment</source>
        <translation>Қудалау</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Басқа</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Бейне</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Құжат</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>Source text</source>
        <translation>Дереккөз мәтіні</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Жәбірленуші</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Куәгер</translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation>Құқық бұзушы</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Нобай</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Тексерілген</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Бөлісілген</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>kzarchive</source>
        <translation>kzarchive</translation>
    </message>
    <message>
        <source>A secure, offline archive for evidence of human-rights violations.</source>
        <translation>Адам құқықтарының бұзылуы туралы дәлелдемелерге арналған қауіпсіз, желіден тыс мұрағат.</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Жаңа қойма жасау</translation>
    </message>
    <message>
        <source>Start an encrypted archive on this computer or on an external drive.</source>
        <translation>Осы компьютерде немесе сыртқы дискіде шифрланған мұрағат ашыңыз.</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Қойманы ашу</translation>
    </message>
    <message>
        <source>Choose the folder of a vault you already have.</source>
        <translation>Бұрыннан бар қойманың бумасын таңдаңыз.</translation>
    </message>
    <message>
        <source>Open the demo vault</source>
        <translation>Демо қойманы ашу</translation>
    </message>
    <message>
        <source>Try kzarchive with sample records of the January 2022 events.</source>
        <translation>kzarchive бағдарламасын 2022 жылғы қаңтар оқиғалары туралы үлгі жазбалармен байқап көріңіз.</translation>
    </message>
    <message>
        <source>The demo vault&apos;s passphrase is {passphrase}. It is shown to everyone, so never keep real evidence in the demo vault.</source>
        <translation>Демо қойманың құпия фразасы: {passphrase}. Ол бәріне көрсетіледі, сондықтан демо қоймада ешқашан нақты дәлелдемелерді сақтамаңыз.</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Нұсқа {version}</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тіл:</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Қойма бумасын таңдаңыз</translation>
    </message>
    <message>
        <source>Opening the demo vault (the first time, it is built)…</source>
        <translation>Демо қойма ашылуда (алғаш рет ол жасалады)…</translation>
    </message>
</context>
</TS>
