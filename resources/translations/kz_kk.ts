<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>AddAgeContactDialog</name>
    <message>
        <source>Add a partner with only age</source>
        <translation>Тек age қолданатын серіктесті қосу</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Міндетті емес</translation>
    </message>
    <message>
        <source>Optional: needed to accept their bundles</source>
        <translation>Міндетті емес: олардың пакеттерін қабылдау үшін қажет</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Аты:</translation>
    </message>
    <message>
        <source>Their encryption key (age recipient):</source>
        <translation>Олардың шифрлау кілті (age алушысы):</translation>
    </message>
    <message>
        <source>Their signing key (minisign):</source>
        <translation>Олардың қолтаңба кілті (minisign):</translation>
    </message>
    <message>
        <source>Add partner</source>
        <translation>Серіктесті қосу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>For a partner without kzarchive: they make a key with age-keygen and give you the line starting with age1. If they will send bundles back, also ask for their minisign public key.</source>
        <translation>kzarchive жоқ серіктес үшін: ол age-keygen арқылы кілт жасап, сізге age1 деп басталатын жолды береді. Егер ол сізге пакет жіберетін болса, оның minisign ашық кілтін де сұраңыз.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Recording recovered</source>
        <translation>Жазба қалпына келтірілді</translation>
    </message>
    <message>
        <source>A recording was cut short (the app closed or the computer stopped) and has been recovered: {names}. It is in its incident, and its note says whether a part at the end was lost.</source>
        <translation>Жазба үзіліп қалды (бағдарлама жабылды немесе компьютер тоқтады) және қалпына келтірілді: {names}. Ол өз инцидентінде тұр, ал оның жазбасында соңындағы бөлігі жоғалған-жоғалмағаны айтылған.</translation>
    </message>
    <message>
        <source>The vault&apos;s keys were destroyed, but some of its files could not be removed. Nothing in them can be decrypted; delete the folder by hand.</source>
        <translation>Қойманың кілттері жойылды, бірақ оның кейбір файлдарын өшіру мүмкін болмады. Олардағы ештеңені енді шифрдан шығару мүмкін емес; буманы қолмен жойыңыз.</translation>
    </message>
</context>
<context>
    <name>BundleChecks</name>
    <message>
        <source>Decryption: every encrypted piece is authentic</source>
        <translation>Шифрды ашу: әрбір шифрланған бөлік түпнұсқа</translation>
    </message>
    <message>
        <source>Structure of the bundle</source>
        <translation>Пакеттің құрылымы</translation>
    </message>
    <message>
        <source>Description of the bag</source>
        <translation>Пакеттің сипаттамасы (bag-info)</translation>
    </message>
    <message>
        <source>Sender&apos;s signature</source>
        <translation>Жіберушінің қолтаңбасы</translation>
    </message>
    <message>
        <source>Signed list of the bag&apos;s own files</source>
        <translation>Пакеттің қызметтік файлдарының қол қойылған тізімі</translation>
    </message>
    <message>
        <source>List of every file with its hash</source>
        <translation>Барлық файлдардың хештерімен тізімі</translation>
    </message>
    <message>
        <source>Description of incidents and items</source>
        <translation>Оқиғалар мен материалдардың сипаттамасы</translation>
    </message>
    <message>
        <source>Custody log entries</source>
        <translation>Сақтау журналының жазбалары</translation>
    </message>
    <message>
        <source>Custody chain of each incident</source>
        <translation>Әр оқиғаның сақтау тізбегі</translation>
    </message>
    <message>
        <source>Signed custody checkpoint</source>
        <translation>Сақтау журналының қол қойылған бақылау нүктесі</translation>
    </message>
    <message>
        <source>Each custody entry is in the signed log</source>
        <translation>Әр жазба қол қойылған сақтау журналында бар</translation>
    </message>
    <message>
        <source>Number of files and total size</source>
        <translation>Файлдар саны және жалпы өлшемі</translation>
    </message>
    <message>
        <source>Every incident, person and item valid and bound to its custody</source>
        <translation>Әр оқиға, адам және материал дұрыс әрі өз сақтау тізбегімен байланысты</translation>
    </message>
    <message>
        <source>Addressed to this vault</source>
        <translation>Осы қоймаға арналған</translation>
    </message>
    <message>
        <source>Custody received from earlier senders</source>
        <translation>Бұрынғы жіберушілерден алынған сақтау журналы</translation>
    </message>
    <message>
        <source>Time-stamp of the custody log</source>
        <translation>Сақтау журналының уақыт белгісі</translation>
    </message>
    <message>
        <source>Trusted time</source>
        <translation>Сенімді уақыт</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <source>Open a bundle</source>
        <translation>Пакетті ашу</translation>
    </message>
    <message>
        <source>kzarchive bundles (*.kzb)</source>
        <translation>kzarchive пакеттері (*.kzb)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Open a bundle — kzarchive</source>
        <translation>Пакетті ашу — kzarchive</translation>
    </message>
    <message>
        <source>The sender&apos;s fingerprint</source>
        <translation>Жіберушінің саусақ ізі</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Материал</translation>
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
        <source>Entry</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Әрекет</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Тексерулер</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлдар</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Сақтау журналы</translation>
    </message>
    <message>
        <source>The key that signed this bundle is not one you verified. Anyone can make a bundle that looks like this one. Import it only if you have another reason to trust it, and compare fingerprints with the sender as soon as you can.</source>
        <translation>Бұл пакетке қол қойған кілтті сіз растамағансыз. Кез келген адам дәл осындай болып көрінетін пакет жасай алады. Оған сенуге басқа негізіңіз болса ғана импорттаңыз және жіберушімен саусақ іздерін мүмкіндігінше тезірек салыстырыңыз.</translation>
    </message>
    <message>
        <source>I understand, and I want to import it from an unverified signer</source>
        <translation>Түсінемін және расталмаған жіберушіден импорттағым келеді</translation>
    </message>
    <message>
        <source>This bundle was made for other recipients, not for you, and passed on to you. Its signature holds, but it was not addressed to you: import it only if you know why it reached you.</source>
        <translation>Бұл пакет сізге емес, басқа алушыларға жасалған және сізге әрі қарай берілген. Қолтаңба дұрыс, бірақ пакет сізге арналмаған: оның сізге неліктен жеткенін білсеңіз ғана импорттаңыз.</translation>
    </message>
    <message>
        <source>I understand, and I want to import a bundle that was not addressed to me</source>
        <translation>Түсінемін және маған арналмаған пакетті импорттағым келеді</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Make receipt…</source>
        <translation>Түбіртек жасау…</translation>
    </message>
    <message>
        <source>Write a signed receipt for the sender: it confirms that this bundle arrived complete and verified. Only the sender&apos;s vault can open it.</source>
        <translation>Жіберушіге қол қойылған түбіртек жазу: ол пакеттің толық жеткенін және тексерістен өткенін растайды. Оны тек жіберушінің қоймасы аша алады.</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Есепті сақтау…</translation>
    </message>
    <message>
        <source>Checking the bundle: decrypting, the signature, every hash and the custody log…</source>
        <translation>Пакет тексерілуде: шифрды ашу, қолтаңба, әрбір хеш және сақтау журналы…</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Дұрыс</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ҚАТЕ</translation>
    </message>
    <message>
        <source>Signer not verified</source>
        <translation>Қол қоюшы расталмаған</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Ескерту</translation>
    </message>
    <message>
        <source>{text}

Technical detail: {detail}</source>
        <translation>{text}

Техникалық мәлімет: {detail}</translation>
    </message>
    <message>
        <source>Reading stopped here; later checks were not made</source>
        <translation>Оқу осы жерде тоқтады; келесі тексерулер жүргізілмеді</translation>
    </message>
    <message>
        <source>Vault events</source>
        <translation>Қойма оқиғалары</translation>
    </message>
    <message>
        <source>the sender</source>
        <translation>жіберуші</translation>
    </message>
    <message numerus="yes">
        <source>Received earlier from {origin}: %n entry(s)</source>
        <translation>
            <numerusform>{origin} жіберушіден бұрын алынған: %n жазба</numerusform>
            <numerusform>{origin} жіберушіден бұрын алынған: %n жазба</numerusform>
        </translation>
    </message>
    <message>
        <source>Sender: {who}. Their fingerprint:</source>
        <translation>Жіберуші: {who}. Оның саусақ ізі:</translation>
    </message>
    <message>
        <source>Checking the bundle again, then writing the receipt…</source>
        <translation>Пакетті қайта тексеріп, түбіртекті жазып жатырмын…</translation>
    </message>
    <message>
        <source>No receipt made</source>
        <translation>Түбіртек жасалмады</translation>
    </message>
    <message>
        <source>Imported: {incidents}, {items}. They are selected in the main window.</source>
        <translation>Импортталды: {incidents}, {items}. Олар басты терезеде белгіленген.</translation>
    </message>
    <message numerus="yes">
        <source>%n new incident(s)</source>
        <translation>
            <numerusform>%n жаңа оқиға</numerusform>
            <numerusform>%n жаңа оқиға</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n жаңа материал</numerusform>
            <numerusform>%n жаңа материал</numerusform>
        </translation>
    </message>
    <message>
        <source>Sender: unknown (the signature could not be tied to a key).</source>
        <translation>Жіберуші белгісіз (қолтаңбаны ешбір кілтпен байланыстыру мүмкін болмады).</translation>
    </message>
    <message>
        <source>{name}, a verified contact</source>
        <translation>{name}, расталған байланыс</translation>
    </message>
    <message>
        <source>{name}, in your partners but NOT verified</source>
        <translation>{name}, серіктестеріңіздің арасында бар, бірақ РАСТАЛМАҒАН</translation>
    </message>
    <message>
        <source>not among your partners</source>
        <translation>серіктестеріңіздің арасында жоқ</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <source>Nothing is imported while the bundle is checked.</source>
        <translation>Пакет тексерілген кезде ештеңе импортталмайды.</translation>
    </message>
    <message>
        <source>GOOD</source>
        <translation>БӘРІ ДҰРЫС</translation>
    </message>
    <message>
        <source>Every check held: the bundle is complete and unaltered, and it was signed by a verified contact.</source>
        <translation>Барлық тексеруден өтті: пакет толық әрі өзгертілмеген, оған расталған байланыс қол қойған.</translation>
    </message>
    <message>
        <source>SIGNER NOT VERIFIED</source>
        <translation>ҚОЛ ҚОЮШЫ РАСТАЛМАҒАН</translation>
    </message>
    <message>
        <source>The signature holds, but the key that signed it is not one of your verified contacts, so nothing more of the bundle was read. If you import it, every check is made first, and nothing is stored unless all of them hold.</source>
        <translation>Қолтаңба дұрыс, бірақ пакетке қол қойған кілт сіздің расталған контактілеріңіздің ешқайсысына тиесілі емес, сондықтан пакет әрі қарай оқылмады. Импорттағанда алдымен барлық тексеріс жасалады, және олардың бәрі өтпесе, ештеңе сақталмайды.</translation>
    </message>
    <message>
        <source>BAD</source>
        <translation>СЕНУГЕ БОЛМАЙДЫ</translation>
    </message>
    <message>
        <source>Do not trust this bundle: a check failed ({what}). Keep the file as it is and ask the sender for a new copy.</source>
        <translation>Бұл пакетке сенбеңіз: тексеру сәтсіз аяқталды ({what}). Файлды сол күйінде сақтап, жіберушіден жаңа көшірме сұраңыз.</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Тексерілмеді</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Тоқтатылды</translation>
    </message>
    <message>
        <source>The bundle could not be checked.</source>
        <translation>Пакетті тексеру мүмкін болмады.</translation>
    </message>
    <message>
        <source>Checking was cancelled. Nothing was imported.</source>
        <translation>Тексеру тоқтатылды. Ештеңе импортталған жоқ.</translation>
    </message>
    <message>
        <source>the file {name}</source>
        <translation>{name} файлы</translation>
    </message>
    <message>
        <source>Importing: checking everything again while storing it…</source>
        <translation>Импорттау: сақтау кезінде бәрі қайта тексерілуде…</translation>
    </message>
    <message>
        <source>This bundle was imported before; nothing changed.</source>
        <translation>Бұл пакет бұрын импортталған; ештеңе өзгерген жоқ.</translation>
    </message>
</context>
<context>
    <name>BundleReportText</name>
    <message>
        <source>Every byte matches its SHA-256.</source>
        <translation>Әр байт өз SHA-256 мәніне сәйкес.</translation>
    </message>
    <message>
        <source>It is {size}, but {recorded} were recorded.</source>
        <translation>Өлшемі {size}, ал жазылғаны {recorded}.</translation>
    </message>
    <message>
        <source>It is missing from the bundle.</source>
        <translation>Ол пакетте жоқ.</translation>
    </message>
    <message>
        <source>Its content does not match its SHA-256: it was altered.</source>
        <translation>Мазмұны өз SHA-256 мәніне сәйкес емес: ол өзгертілген.</translation>
    </message>
    <message>
        <source>The signer is not a verified contact: the description, the custody files and the evidence were not read (they are checked once the signer is accepted).</source>
        <translation>Қол қоюшы тексерілген контакт емес: сипаттама, сақтау тізбегінің файлдары және материалдар оқылмады (қол қоюшы қабылданғанда тексеріледі).</translation>
    </message>
    <message>
        <source>The bundle is addressed to other recipients (forwarded): it was not read further (it is checked once the forwarded bundle is accepted).</source>
        <translation>Пакет басқа алушыларға арналған (қайта жіберілген): ары қарай оқылмады (қайта жіберілген пакет қабылданғанда тексеріледі).</translation>
    </message>
    <message>
        <source>The bag&apos;s own files are not authenticated by a valid signature; nothing else was read.</source>
        <translation>Пакеттің өз файлдары жарамды қолтаңбамен расталмаған; басқа ештеңе оқылмады.</translation>
    </message>
    <message>
        <source>The failure above ended the reading; nothing after it was read.</source>
        <translation>Жоғарыдағы ақау оқуды тоқтатты; одан кейінгі ештеңе оқылмады.</translation>
    </message>
    <message>
        <source>Every encrypted piece is authentic, and the archive is complete and well-formed.</source>
        <translation>Әр шифрланған бөлік түпнұсқа, мұрағат толық және дұрыс құрылған.</translation>
    </message>
    <message>
        <source>The bundle&apos;s folder name is not a bundle id.</source>
        <translation>Пакет қалтасының аты пакет идентификаторы емес.</translation>
    </message>
    <message>
        <source>The bundle is addressed to this vault.</source>
        <translation>Пакет осы қоймаға арналған.</translation>
    </message>
    <message>
        <source>The bag&apos;s description is complete and consistent.</source>
        <translation>Пакет сипаттамасы толық және үйлесімді.</translation>
    </message>
    <message>
        <source>The signature file is not in kzarchive&apos;s form.</source>
        <translation>Қолтаңба файлы kzarchive пішімінде емес.</translation>
    </message>
    <message>
        <source>It was not made by a verified contact, and the bundle does not say validly who made it.</source>
        <translation>Қолтаңбаны тексерілген контакт қоймаған, ал пакет оны кім қойғанын дұрыс көрсетпейді.</translation>
    </message>
    <message>
        <source>The signed comment is not a kzarchive bundle&apos;s.</source>
        <translation>Қол қойылған түсініктеме kzarchive пакетінікі емес.</translation>
    </message>
    <message>
        <source>The signature was made for another bundle.</source>
        <translation>Қолтаңба басқа пакет үшін қойылған.</translation>
    </message>
    <message>
        <source>The sender the bundle names is not the key that signed it.</source>
        <translation>Пакетте аталған жіберуші оған қол қойған кілт емес.</translation>
    </message>
    <message>
        <source>The bag&apos;s own files (bagit.txt, bag-info.txt, the manifest and sender.pub) match.</source>
        <translation>Пакеттің өз файлдары (bagit.txt, bag-info.txt, манифест және sender.pub) сәйкес.</translation>
    </message>
    <message>
        <source>The description, the custody files and every evidence file are listed.</source>
        <translation>Сипаттама, сақтау тізбегінің файлдары және әр материал файлы тізімде бар.</translation>
    </message>
    <message>
        <source>Every incident&apos;s chain is unbroken.</source>
        <translation>Әр оқиғаның тізбегі үзілмеген.</translation>
    </message>
    <message>
        <source>Signed by the bundle&apos;s signer.</source>
        <translation>Пакетке қол қойған адам қол қойған.</translation>
    </message>
    <message>
        <source>The time-stamps were not checked, because the custody files did not hold.</source>
        <translation>Уақыт белгілері тексерілмеді: сақтау журналының файлдары тексеруден өтпеді.</translation>
    </message>
    <message>
        <source>The proofs name time-stamps the bundle does not carry.</source>
        <translation>Дәлелдер пакетте жоқ уақыт белгілерін атайды.</translation>
    </message>
    <message>
        <source>The bundle ends before {path}.</source>
        <translation>Пакет {path} алдында аяқталады.</translation>
    </message>
    <message>
        <source>It holds {found}, which is not a file this bundle describes.</source>
        <translation>Онда {found} бар — бұл пакет сипаттамайтын файл.</translation>
    </message>
    <message>
        <source>It is {size}, more than the {limit} a bundle may hold; it was not read.</source>
        <translation>Өлшемі {size} — рұқсат етілген {limit} мөлшерінен көп; ол оқылмады.</translation>
    </message>
    <message>
        <source>The bag&apos;s tag, description and custody files together are more than the {limit} a bundle may hold; they were not read.</source>
        <translation>Қызметтік файлдар, сипаттама және сақтау тізбегінің файлдары бірге рұқсат етілген {limit} мөлшерінен көп; олар оқылмады.</translation>
    </message>
    <message>
        <source>{path} is not listed in the signed manifest; it was not read.</source>
        <translation>{path} қол қойылған манифестте жоқ; ол оқылмады.</translation>
    </message>
    <message>
        <source>{path} was altered (it does not match the signed manifest); it was not read.</source>
        <translation>{path} өзгертілген (қол қойылған манифестке сәйкес емес); ол оқылмады.</translation>
    </message>
    <message>
        <source>verified against an authority you trust</source>
        <translation>сіз сенетін орталық бойынша тексерілді</translation>
    </message>
    <message>
        <source>not yet checked against a trusted authority</source>
        <translation>сенімді орталық бойынша әлі тексерілмеген</translation>
    </message>
    <message numerus="yes">
        <source>The custody log up to entry %n existed by {time} ({authority}; {checked}).</source>
        <translation>
            <numerusform>Сақтау журналы %n-жазбаға дейін {time} кезінде болған ({authority}; {checked}).</numerusform>
            <numerusform>Сақтау журналы %n-жазбаға дейін {time} кезінде болған ({authority}; {checked}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} item(s)</source>
        <translation>
            <numerusform>%n / {total} материал</numerusform>
            <numerusform>%n / {total} материал</numerusform>
        </translation>
    </message>
    <message>
        <source>Incident {incident}: {covered} existed by {time} ({authority}; {checked}).</source>
        <translation>{incident} оқиғасы: {covered} {time} кезінде болған ({authority}; {checked}).</translation>
    </message>
    <message numerus="yes">
        <source>Not addressed to this vault: its signer made it for %n other recipient(s), and it was passed on (forwarded).</source>
        <translation>
            <numerusform>Бұл қоймаға арналмаған: қол қоюшы оны басқа %n алушыға жасаған, ал оны қайта жіберген.</numerusform>
            <numerusform>Бұл қоймаға арналмаған: қол қоюшы оны басқа %n алушыға жасаған, ал оны қайта жіберген.</numerusform>
        </translation>
    </message>
    <message>
        <source>Made by a verified contact.</source>
        <translation>Тексерілген контакт қойған.</translation>
    </message>
    <message>
        <source>Valid, but made by a key that is not a verified contact.</source>
        <translation>Жарамды, бірақ тексерілген контакт емес кілтпен қойылған.</translation>
    </message>
    <message numerus="yes">
        <source>Describes %n evidence file(s).</source>
        <translation>
            <numerusform>%n материал файлын сипаттайды.</numerusform>
            <numerusform>%n материал файлын сипаттайды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s), each matching its hash.</source>
        <translation>
            <numerusform>%n жазба, әрқайсысы өз хешіне сәйкес.</numerusform>
            <numerusform>%n жазба, әрқайсысы өз хешіне сәйкес.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every entry is in the signed log of %n entry(s).</source>
        <translation>
            <numerusform>Әр жазба %n жазбадан тұратын қол қойылған журналда бар.</numerusform>
            <numerusform>Әр жазба %n жазбадан тұратын қол қойылған журналда бар.</numerusform>
        </translation>
    </message>
    <message>
        <source>{incidents}, {people} and {items}: every field valid and every item bound to its file and its custody entry.</source>
        <translation>{incidents}, {people} және {items}: әр өріс дұрыс, әр материал өз файлымен және сақтау тізбегінің жазбасымен байланысты.</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n оқиға</numerusform>
            <numerusform>%n оқиға</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n адам</numerusform>
            <numerusform>%n адам</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n материал</numerusform>
            <numerusform>%n материал</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) from {origin}, signed and unbroken</source>
        <translation>
            <numerusform>{origin} жіберушіден %n жазба, қол қойылған және үзілмеген</numerusform>
            <numerusform>{origin} жіберушіден %n жазба, қол қойылған және үзілмеген</numerusform>
        </translation>
    </message>
    <message>
        <source>{entries}; complete up to the head the sender states.</source>
        <translation>{entries}; жіберуші көрсеткен соңғы нүктеге дейін толық.</translation>
    </message>
    <message>
        <source>{entries}; completeness not shown (an older kzarchive wrote no head for this chain).</source>
        <translation>{entries}; толықтығы көрсетілмеген (kzarchive-тің ескі нұсқасы бұл тізбектің соңғы нүктесін жазбаған).</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), {size}</source>
        <translation>
            <numerusform>%n файл, {size}</numerusform>
            <numerusform>%n файл, {size}</numerusform>
        </translation>
    </message>
    <message>
        <source>{counted}, but the bag&apos;s description says {declared}.</source>
        <translation>{counted}, бірақ пакет сипаттамасында: {declared}.</translation>
    </message>
    <message>
        <source>It could not be decrypted, or the archive inside is damaged or altered.</source>
        <translation>Оны шифрдан ашу мүмкін болмады, немесе ішіндегі мұрағат бүлінген не өзгертілген.</translation>
    </message>
    <message>
        <source>The signature does not hold: the bundle was altered or not signed by its sender.</source>
        <translation>Қолтаңба жарамсыз: пакет өзгертілген немесе оған жіберушісі қол қоймаған.</translation>
    </message>
    <message>
        <source>A time-stamp does not hold: it does not cover the checkpoint it comes with, or that checkpoint is not the sender&apos;s log.</source>
        <translation>Уақыт белгісі расталмайды: ол қоса берілген бақылау нүктесіне сәйкес емес, не бұл нүкте жіберушінің журналынан емес.</translation>
    </message>
    <message>
        <source>The custody record is damaged or altered.</source>
        <translation>Сақтау тізбегінің жазбасы бүлінген немесе өзгертілген.</translation>
    </message>
    <message>
        <source>This check failed: the bundle is damaged or altered, or was not made by kzarchive.</source>
        <translation>Тексеру өтпеді: пакет бүлінген не өзгертілген, немесе оны kzarchive жасамаған.</translation>
    </message>
</context>
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
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase — kzarchive</source>
        <translation>Құпия фразаны өзгерту — kzarchive</translation>
    </message>
    <message>
        <source>Also replace the vault&apos;s key and the recovery code</source>
        <translation>Сондай-ақ қойманың кілтін және қалпына келтіру кодын ауыстыру</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Жаңа құпия фраза:</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Құпия фразаны өзгерту</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Кейінірек</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Choose a new passphrase now</source>
        <translation>Жаңа құпия фразаны қазір таңдаңыз</translation>
    </message>
    <message>
        <source>You unlocked the vault with the recovery code. If the passphrase is lost, or someone else may know it, set a new one now.</source>
        <translation>Сіз қойманы қалпына келтіру кодымен аштыңыз. Құпия фраза жоғалса немесе оны басқа біреу білуі мүмкін болса, қазір жаңасын орнатыңыз.</translation>
    </message>
    <message>
        <source>The new passphrase replaces the old one in vault.keys at once. A copy of the old vault.keys (in a backup, for example) still opens the vault with the old passphrase unless you also replace the vault&apos;s key.</source>
        <translation>Жаңа құпия фраза vault.keys ішіндегі ескісін бірден ауыстырады. Ескі vault.keys көшірмесі (мысалы, сақтық көшірмеде) қойманың кілтін де ауыстырмасаңыз, қойманы ескі құпия фразамен әлі де ашады.</translation>
    </message>
    <message>
        <source>From now on, unlock the vault with the new passphrase. A copy of the old vault.keys (in a backup, for example) still opens the vault with the old passphrase; to make old copies useless, change the passphrase again with &quot;Also replace the vault&apos;s key&quot; checked.</source>
        <translation>Бұдан былай қойманы жаңа құпия фразамен ашыңыз. Ескі vault.keys көшірмесі (мысалы, сақтық көшірмеде) қойманы ескі құпия фразамен әлі де ашады; ескі көшірмелерді пайдасыз ету үшін «Сондай-ақ қойманың кілтін ауыстыру» белгісін қойып, құпия фразаны қайта өзгертіңіз.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Then old copies of vault.keys open nothing; a new recovery code is shown once.</source>
        <translation>Сонда vault.keys ескі көшірмелері ештеңені ашпайды; жаңа қалпына келтіру коды бір рет көрсетіледі.</translation>
    </message>
    <message>
        <source>Your new recovery code</source>
        <translation>Жаңа қалпына келтіру кодыңыз</translation>
    </message>
    <message>
        <source>It is shown only now. Write it on paper, keep it away from this computer and destroy the old one: the old code no longer opens the vault.</source>
        <translation>Ол тек қазір көрсетіледі. Оны қағазға жазып, осы компьютерден бөлек сақтаңыз және ескісін жойыңыз: ескі код енді қойманы ашпайды.</translation>
    </message>
    <message>
        <source>I have written the new recovery code down.</source>
        <translation>Жаңа қалпына келтіру кодын жазып алдым.</translation>
    </message>
    <message>
        <source>The vault&apos;s key was replaced</source>
        <translation>Қойманың кілті ауыстырылды</translation>
    </message>
    <message>
        <source>Only the new passphrase and the new recovery code below open the vault now; copies of the old vault.keys open nothing. A backup of the whole vault made before now still opens with the old passphrase.</source>
        <translation>Енді қойманы тек жаңа құпия фраза мен төмендегі жаңа қалпына келтіру коды ашады; ескі vault.keys көшірмелері ештеңені ашпайды. Осыған дейін жасалған бүкіл қойманың сақтық көшірмесі ескі құпия фразамен әлі де ашылады.</translation>
    </message>
    <message>
        <source>The passphrase was changed</source>
        <translation>Құпия фраза өзгертілді</translation>
    </message>
    <message>
        <source>Replacing the vault&apos;s key and re-encrypting the database…</source>
        <translation>Қойманың кілтін ауыстыру және дерекқорды қайта шифрлау…</translation>
    </message>
    <message>
        <source>Deriving the new key from the passphrase…</source>
        <translation>Құпия фразадан жаңа кілт есептелуде…</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare fingerprints</source>
        <translation>Саусақ іздерін салыстыру</translation>
    </message>
    <message>
        <source>{name}&apos;s fingerprint</source>
        <translation>{name}: саусақ ізі</translation>
    </message>
    <message>
        <source>Compare with {name} in person or by phone. Read your fingerprint aloud while they look at theirs in kzarchive, then let them read theirs while you look here. Every digit must be the same. Never compare over the channel that carried the card.</source>
        <translation>{name} екеуіңіз жеке кездесіп немесе телефон арқылы салыстырыңыз. Ол kzarchive-тегі өз саусақ ізіне қарап отырғанда, сіз өзіңіздікін дауыстап оқыңыз, содан кейін ол өзінікін оқысын, ал сіз осында қараңыз. Барлық сандар бірдей болуы керек. Карточка келген арна арқылы ешқашан салыстырмаңыз.</translation>
    </message>
    <message>
        <source>{name}&apos;s keys</source>
        <translation>{name}: кілттер</translation>
    </message>
    <message>
        <source>{name} uses only age. Compare with them in person or by phone: their age recipient (and minisign key), character by character, with what they see on their own computer.</source>
        <translation>{name} тек age қолданады. Онымен жеке кездесіп немесе телефон арқылы оның age алушысын (және minisign кілтін) оның өз компьютерінде көретінімен таңбама-таңба салыстырыңыз.</translation>
    </message>
    <message>
        <source>Your fingerprint</source>
        <translation>Сіздің саусақ ізіңіз</translation>
    </message>
    <message>
        <source>They match: mark as verified</source>
        <translation>Сәйкес келеді: расталған деп белгілеу</translation>
    </message>
    <message>
        <source>They differ, or not now</source>
        <translation>Сәйкес келмейді немесе кейінірек</translation>
    </message>
    <message>
        <source>Compare before you trust</source>
        <translation>Сенер алдында салыстырыңыз</translation>
    </message>
    <message>
        <source>If anything differs, do not verify: someone may have swapped the card. Ask {name} for a new one.</source>
        <translation>Бір нәрсе сәйкес келмесе, растамаңыз: карточканы біреу ауыстырып жіберген болуы мүмкін. {name} адамынан жаңасын сұраңыз.</translation>
    </message>
    <message>
        <source>{name} is already verified.</source>
        <translation>{name} бұрыннан расталған.</translation>
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
    <name>CredentialsPanel</name>
    <message>
        <source>Content credentials</source>
        <translation>Шығу тегі туралы мәліметтер (C2PA)</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Қол қойған:</translation>
    </message>
    <message>
        <source>Signer known:</source>
        <translation>Қол қоюшы белгілі ме:</translation>
    </message>
    <message>
        <source>yes, by a trusted certificate</source>
        <translation>иә, сенімді сертификат бойынша</translation>
    </message>
    <message>
        <source>no: the certificate is not one this vault trusts, so who signed is unproven</source>
        <translation>жоқ: бұл қойма бұл сертификатқа сенбейді, сондықтан кім қол қойғаны дәлелденбеген</translation>
    </message>
    <message>
        <source>Made with:</source>
        <translation>Жасалған құрал:</translation>
    </message>
    <message>
        <source>Signed at:</source>
        <translation>Қол қойылған уақыт:</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>Әрекеттер:</translation>
    </message>
    <message>
        <source>Made from:</source>
        <translation>Неден жасалған:</translation>
    </message>
    <message>
        <source>{title} (signed)</source>
        <translation>{title} (қол қойылған)</translation>
    </message>
    <message>
        <source>Problems found:</source>
        <translation>Табылған ақаулар:</translation>
    </message>
    <message>
        <source>Kept at:</source>
        <translation>Сақталған орны:</translation>
    </message>
    <message>
        <source>Valid: the signature checks out and the content is as it was signed.</source>
        <translation>Жарамды: қолтаңба дұрыс, мазмұны қол қойылған кездегідей.</translation>
    </message>
    <message>
        <source>TAMPERED: the content was changed after it was signed. The credentials do not describe this file as it is.</source>
        <translation>ҚОЛ ҚОЙЫЛҒАННАН КЕЙІН ӨЗГЕРТІЛГЕН: мазмұны қол қойылғаннан кейін өзгертілген. Бұл мәліметтер файлды қазіргі күйінде сипаттамайды.</translation>
    </message>
    <message>
        <source>INVALID: the credentials could not be verified. Do not rely on what they say.</source>
        <translation>ЖАРАМСЫЗ: мәліметтерді тексеру мүмкін болмады. Олардағы айтылғанға сүйенбеңіз.</translation>
    </message>
    <message>
        <source>Kept elsewhere: the file points to credentials on a server, which kzarchive does not fetch (it works offline).</source>
        <translation>Басқа жерде сақталған: файл сервердегі мәліметтерге сілтейді, ал kzarchive оларды жүктемейді (ол желісіз жұмыс істейді).</translation>
    </message>
    <message>
        <source>None in this copy: a sanitized copy carries no credentials.</source>
        <translation>Бұл көшірмеде жоқ: тазартылған көшірмеде шығу тегі туралы мәліметтер болмайды.</translation>
    </message>
    <message>
        <source>None: this file carries no content credentials.</source>
        <translation>Жоқ: бұл файлда шығу тегі туралы мәліметтер жоқ.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>жарамды</translation>
    </message>
    <message>
        <source>tampered</source>
        <translation>қол қойылғаннан кейін өзгертілген</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>жарамсыз</translation>
    </message>
    <message>
        <source>kept elsewhere</source>
        <translation>басқа жерде сақталған</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>The sender states that the original had content credentials: {state}. This is the sender&apos;s claim; this copy cannot show it.</source>
        <translation>Жіберуші түпнұсқада шығу тегі туралы мәліметтер болғанын мәлімдейді: {state}. Бұл — жіберушінің мәлімдемесі; бұл көшірме оны көрсете алмайды.</translation>
    </message>
    <message>
        <source>The sender&apos;s claim: {state}</source>
        <translation>Жіберушінің мәлімдемесі: {state}</translation>
    </message>
    <message>
        <source>, signed by {signer}</source>
        <translation>, қол қойған: {signer}</translation>
    </message>
</context>
<context>
    <name>Custody</name>
    <message>
        <source>Vault created</source>
        <translation>Қойма жасалды</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Құпия фраза өзгертілді</translation>
    </message>
    <message>
        <source>Vault key replaced</source>
        <translation>Қойма кілті ауыстырылды</translation>
    </message>
    <message>
        <source>Recovery code replaced</source>
        <translation>Қалпына келтіру коды ауыстырылды</translation>
    </message>
    <message>
        <source>Incident created</source>
        <translation>Оқиға жасалды</translation>
    </message>
    <message>
        <source>Incident changed</source>
        <translation>Оқиға өзгертілді</translation>
    </message>
    <message>
        <source>Person added</source>
        <translation>Адам қосылды</translation>
    </message>
    <message>
        <source>Person changed</source>
        <translation>Адам туралы деректер өзгертілді</translation>
    </message>
    <message>
        <source>Item added</source>
        <translation>Материал қосылды</translation>
    </message>
    <message>
        <source>Copy made of an item</source>
        <translation>Материалдың көшірмесі жасалды</translation>
    </message>
    <message>
        <source>Item saved outside the vault</source>
        <translation>Материал қоймадан тыс сақталды</translation>
    </message>
    <message>
        <source>Contact added</source>
        <translation>Байланыс қосылды</translation>
    </message>
    <message>
        <source>Contact verified</source>
        <translation>Байланыс расталды</translation>
    </message>
    <message>
        <source>Contact removed</source>
        <translation>Байланыс жойылды</translation>
    </message>
    <message>
        <source>Sent to partners</source>
        <translation>Серіктестерге жіберілді</translation>
    </message>
    <message>
        <source>Received from a partner</source>
        <translation>Серіктестен алынды</translation>
    </message>
    <message>
        <source>Partner confirmed receipt</source>
        <translation>Серіктес алғанын растады</translation>
    </message>
    <message>
        <source>Receipt made for the sender</source>
        <translation>Жіберушіге түбіртек жасалды</translation>
    </message>
    <message>
        <source>Custody log time-stamped</source>
        <translation>Сақтау журналына уақыт белгісі қойылды</translation>
    </message>
    <message>
        <source>Time-stamp checked with a CA</source>
        <translation>Уақыт белгісі КО бойынша тексерілді</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Есеп жасалды</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Өрістер</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Өлшемі</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Келісім берілді</translation>
    </message>
    <message>
        <source>Made from item</source>
        <translation>Материалдан жасалған</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Bundle manifest SHA-256</source>
        <translation>Пакет манифесінің SHA-256 мәні</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Алушылар</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Жіберуші</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалдар</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Саусақ ізі</translation>
    </message>
    <message>
        <source>age key</source>
        <translation>age кілті</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Серіктес</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлдар</translation>
    </message>
    <message>
        <source>Files verified</source>
        <translation>Тексерілген файлдар</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Қол қойылды</translation>
    </message>
    <message>
        <source>Entries covered</source>
        <translation>Қамтылған жазбалар</translation>
    </message>
    <message>
        <source>Log root</source>
        <translation>Журнал түбірі</translation>
    </message>
    <message>
        <source>Stamped time</source>
        <translation>Белгі уақыты</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Уақыт белгісі орталығы</translation>
    </message>
    <message>
        <source>Authority checked</source>
        <translation>Орталық тексерілді</translation>
    </message>
    <message>
        <source>Time-stamp SHA-256</source>
        <translation>Уақыт белгісінің SHA-256</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Есеп</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Бет саны</translation>
    </message>
    <message>
        <source>Real names included</source>
        <translation>Шын есімдер енгізілді</translation>
    </message>
    <message>
        <source>GPS positions included</source>
        <translation>GPS координаттары енгізілді</translation>
    </message>
    <message>
        <source>title</source>
        <translation>атауы</translation>
    </message>
    <message>
        <source>description</source>
        <translation>сипаттамасы</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>басталу күні</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>аяқталу күні</translation>
    </message>
    <message>
        <source>date precision</source>
        <translation>күннің дәлдігі</translation>
    </message>
    <message>
        <source>place</source>
        <translation>орны</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>ендік</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>бойлық</translation>
    </message>
    <message>
        <source>status</source>
        <translation>күйі</translation>
    </message>
    <message>
        <source>violations</source>
        <translation>бұзушылықтар</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>белгілер</translation>
    </message>
    <message>
        <source>role</source>
        <translation>рөлі</translation>
    </message>
    <message>
        <source>pseudonym</source>
        <translation>бүркеншік аты</translation>
    </message>
    <message>
        <source>real name</source>
        <translation>шын аты</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>келісім</translation>
    </message>
    <message>
        <source>consent scope</source>
        <translation>келісім аясы</translation>
    </message>
    <message>
        <source>consent date</source>
        <translation>келісім күні</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>жазбалар</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>Unknown partner</source>
        <translation>Белгісіз серіктес</translation>
    </message>
</context>
<context>
    <name>CustodyView</name>
    <message>
        <source>Received from partners with this incident</source>
        <translation>Осы оқиғамен бірге серіктестерден алынған</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>Әрекет</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Тізбек</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Нысан</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>бүтін</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>бұзылған</translation>
    </message>
    <message>
        <source>earlier entries not received</source>
        <translation>бұрынғы жазбалар алынбаған</translation>
    </message>
    <message>
        <source>From {sender}</source>
        <translation>Жіберуші: {sender}</translation>
    </message>
    <message>
        <source>Entries: {n}. The chain is broken at entry {seq}.</source>
        <translation>Жазбалар: {n}. Тізбек {seq}-жазбада бұзылған.</translation>
    </message>
    <message>
        <source>Entries: {n}. The chain is intact.</source>
        <translation>Жазбалар: {n}. Тізбек бүтін.</translation>
    </message>
</context>
<context>
    <name>CustodyWindow</name>
    <message>
        <source>Custody log of the vault</source>
        <translation>Қойманың сақтау журналы</translation>
    </message>
    <message>
        <source>Every act on this vault, in order. Each entry is sealed with a hash of the one before it, so a changed or missing entry shows as a broken chain.</source>
        <translation>Осы қоймадағы барлық әрекет ретімен. Әр жазба алдыңғысының хешімен бекітілген, сондықтан өзгертілген немесе жоғалған жазба тізбектің үзілуі ретінде көрінеді.</translation>
    </message>
    <message>
        <source>Reading the custody log…</source>
        <translation>Сақтау журналы оқылуда…</translation>
    </message>
</context>
<context>
    <name>EmptyVaultPanel</name>
    <message>
        <source>This vault has no incidents yet</source>
        <translation>Бұл қоймада әзірге оқиға жоқ</translation>
    </message>
    <message>
        <source>An incident is one event you document: what happened, when and where, the people involved (by pseudonym), and its evidence: photos, videos, documents, testimony. Everything is encrypted in this vault.</source>
        <translation>Оқиға — сіз құжаттайтын бір оқиға: не болды, қашан және қайда, кім қатысты (бүркеншік аттармен) және оның материалдары: фотосуреттер, бейнелер, құжаттар, айғақтар. Бұл қоймадағының бәрі шифрланған.</translation>
    </message>
    <message>
        <source>New incident…</source>
        <translation>Жаңа оқиға…</translation>
    </message>
    <message>
        <source>Open a bundle from a partner…</source>
        <translation>Серіктестен келген пакетті ашу…</translation>
    </message>
    <message>
        <source>Read the user guide</source>
        <translation>Пайдаланушы нұсқаулығын оқу</translation>
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
        <source>The time-stamp reply was refused: it does not answer a request made by this vault, the authority did not grant it, or it is damaged.</source>
        <translation>Уақыт белгісі жауабы қабылданбады: ол осы қойманың сұрауына жауап емес, орталық белгі бермеді, не файл бүлінген.</translation>
    </message>
    <message>
        <source>Nothing was stored. Add the authority&apos;s answer to a request file made here.</source>
        <translation>Ештеңе сақталмады. Осында жасалған сұрау файлына орталықтың жауабын қосыңыз.</translation>
    </message>
    <message>
        <source>The time-stamping authority could not be verified with the CA certificate given.</source>
        <translation>Уақыт белгісі орталығын берілген КО сертификаты бойынша тексеру мүмкін болмады.</translation>
    </message>
    <message>
        <source>Nothing was stored. Check that the certificate is the authority&apos;s own CA, or add the reply without one to keep it as not yet checked.</source>
        <translation>Ештеңе сақталмады. Сертификат орталықтың өз КО-сы екенін тексеріңіз, не жауапты әлі тексерілмеген ретінде сақтау үшін сертификатсыз қосыңыз.</translation>
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
    <name>EvidenceModel</name>
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
        <source>Trusted time</source>
        <translation>Сенімді уақыт</translation>
    </message>
    <message>
        <source>Not yet time-stamped: make a request in Vault → Trusted time.</source>
        <translation>Уақыт белгісі әлі жоқ: Қойма → Сенімді уақыт мәзірінде сұрау жасаңыз.</translation>
    </message>
    <message>
        <source>verified against an authority you trust</source>
        <translation>сіз сенетін орталық бойынша тексерілді</translation>
    </message>
    <message>
        <source>not yet checked against a trusted authority</source>
        <translation>сенімді орталық бойынша әлі тексерілмеген</translation>
    </message>
    <message>
        <source>Existed by {time}, time-stamped by {authority} ({checked}).</source>
        <translation>{time} кезінде болған, уақыт белгісін {authority} қойған ({checked}).</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Attach files…</source>
        <extracomment>A batch stored some of its items (``attach.Landed``); it goes on.</extracomment>
        <translation>Файлдарды тіркеу…</translation>
    </message>
    <message>
        <source>Add testimony…</source>
        <translation>Айғақ қосу…</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Жазу…</translation>
    </message>
    <message>
        <source>Record a testimony from a microphone</source>
        <translation>Айғақты микрофоннан жазу</translation>
    </message>
    <message>
        <source>Add source text…</source>
        <translation>Дереккөз мәтінін қосу…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Read the item and compare it with the SHA-256 recorded when it was collected</source>
        <translation>Материалды оқып, оны жинаған кезде жазылған SHA-256 мәнімен салыстыру</translation>
    </message>
    <message>
        <source>Add them anyway</source>
        <translation>Бәрібір қосу</translation>
    </message>
    <message>
        <source>Add the skipped files as new items although the incident already holds the same bytes</source>
        <translation>Оқиғада дәл сондай байттар бар болса да, өткізіп жіберілген файлдарды жаңа материал ретінде қосу</translation>
    </message>
    <message>
        <source>Drop files or folders here to attach them.</source>
        <translation>Тіркеу үшін файлдарды немесе бумаларды осында сүйреп әкеліңіз.</translation>
    </message>
    <message>
        <source>Attach files to the incident</source>
        <translation>Оқиғаға файлдарды тіркеу</translation>
    </message>
    <message>
        <source>Attaching files…</source>
        <translation>Файлдар тіркелуде…</translation>
    </message>
    <message>
        <source>File {number} of {count}: {name}</source>
        <translation>Файл {number}/{count}: {name}</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{total} ішінен {done}</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>шамамен %n секунд қалды</numerusform>
            <numerusform>шамамен %n секунд қалды</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>шамамен %n минут қалды</numerusform>
            <numerusform>шамамен %n минут қалды</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attached: {n} of %n file(s).</source>
        <translation>
            <numerusform>Тіркелді: %n файлдың {n}.</numerusform>
            <numerusform>Тіркелді: %n файлдың {n}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Already in this incident, not added again: %n file(s) ({names}).</source>
        <translation>
            <numerusform>Бұл оқиғада бұрыннан бар, қайта қосылмады: %n файл ({names}).</numerusform>
            <numerusform>Бұл оқиғада бұрыннан бар, қайта қосылмады: %n файл ({names}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were already held in other incidents: stored once, and linked to this incident too.</source>
        <translation>
            <numerusform>%n файл басқа оқиғаларда бұрыннан сақталған: бір рет сақталып, осы оқиғаға да байланыстырылды.</numerusform>
            <numerusform>%n файл басқа оқиғаларда бұрыннан сақталған: бір рет сақталып, осы оқиғаға да байланыстырылды.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not attached: {name}. {message} {hint}</source>
        <translation>Тіркелмеді: {name}. {message} {hint}</translation>
    </message>
    <message>
        <source>Stopped; the remaining files were not attached.</source>
        <translation>Тоқтатылды; қалған файлдар тіркелмеді.</translation>
    </message>
    <message>
        <source>Storing the text…</source>
        <translation>Мәтін сақталуда…</translation>
    </message>
    <message>
        <source>Added: {name}</source>
        <translation>Қосылды: {name}</translation>
    </message>
    <message>
        <source>Verifying {name}…</source>
        <translation>{name} тексерілуде…</translation>
    </message>
    <message>
        <source>“{name}” is intact.</source>
        <translation>«{name}» бүтін.</translation>
    </message>
    <message>
        <source>Its content matches the SHA-256 recorded when it was collected:
{sha256}</source>
        <translation>Оның мазмұны жинаған кезде жазылған SHA-256 мәніне сәйкес келеді:
{sha256}</translation>
    </message>
    <message>
        <source>“{name}” failed the check.</source>
        <translation>«{name}» тексеруден өтпеді.</translation>
    </message>
    <message>
        <source>Verify item</source>
        <translation>Материалды тексеру</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Export a bundle — kzarchive</source>
        <translation>Пакетті экспорттау — kzarchive</translation>
    </message>
</context>
<context>
    <name>ExportingPage</name>
    <message>
        <source>Exporting</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>Signing and encrypting. Cancelling leaves no file.</source>
        <translation>Қол қойылуда және шифрлануда. Тоқтатсаңыз, файл қалмайды.</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Пакет жазылуда…</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>Тоқтатылды. Ешқандай файл жазылған жоқ.</translation>
    </message>
</context>
<context>
    <name>FileViewer</name>
    <message>
        <source>kzarchive cannot show this kind of file. To open it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>kzarchive мұндай файлды көрсете алмайды. Оны басқа бағдарламада ашу үшін шығарып алыңыз: сонда ол дискіге шифрланбаған күйде жазылады.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All violation types</source>
        <translation>Бұзушылықтың барлық түрлері</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Барлық белгілер</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ЖЖЖЖ-АА-КК</translation>
    </message>
    <message>
        <source>A year (2022), a month (2022-01) or a day (2022-01-05)</source>
        <translation>Жыл (2022), ай (2022-01) немесе күн (2022-01-05)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сүзгілерді тазарту</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Басы</translation>
    </message>
    <message>
        <source>to</source>
        <translation>соңы</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>KB</source>
        <translation>КБ</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>ГБ</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>ТБ</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n байт</numerusform>
            <numerusform>%n байт</numerusform>
        </translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>yyyy &apos;ж.&apos; d MMMM</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{year} ж. {month}</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>UTC: {moment}</source>
        <translation>UTC: {moment}</translation>
    </message>
    <message>
        <source>As recorded, time zone unknown: {moment}</source>
        <translation>Жазылғандай, уақыт белдеуі белгісіз: {moment}</translation>
    </message>
    <message>
        <source>As recorded: {moment}</source>
        <translation>Жазылғандай: {moment}</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>No photos or videos in this incident.</source>
        <extracomment>Thumbnails decoded per worker task; small enough to show the first ones quickly. A viewer opened from here stored a new item (a redacted copy): the ``Item``.</extracomment>
        <translation>Бұл оқиғада фото да, бейне де жоқ.</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Галерея</translation>
    </message>
    <message>
        <source>Gallery ({n})</source>
        <translation>Галерея ({n})</translation>
    </message>
</context>
<context>
    <name>HashRow</name>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Copy the SHA-256 to the clipboard</source>
        <translation>SHA-256 мәнін алмасу буферіне көшіру</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Read the stored content again and compare it with its SHA-256</source>
        <translation>Сақталған мазмұнды қайта оқып, оның SHA-256 мәнімен салыстыру</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>The SHA-256 was copied.</source>
        <translation>SHA-256 көшірілді.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <source>Verified: the stored content matches this SHA-256.</source>
        <translation>Тексерілді: сақталған мазмұн осы SHA-256 мәніне сәйкес келеді.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide — kzarchive</source>
        <translation>Пайдаланушы нұсқаулығы — kzarchive</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Мазмұны</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>This guide is part of the app; it needs no internet.</source>
        <translation>Нұсқаулық бағдарламаның ішінде: интернет қажет емес.</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <source>Select an incident to see it here.</source>
        <translation>Мұнда көру үшін оқиғаны таңдаңыз.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалдар</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Мәліметтер</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>Сақтау журналы</translation>
    </message>
    <message>
        <source>Sent to partners</source>
        <translation>Серіктестерге жіберілді</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>күні көрсетілмеген</translation>
    </message>
    <message>
        <source>place not recorded</source>
        <translation>орны көрсетілмеген</translation>
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
    <name>IncidentEditor</name>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Өзгерістерді болдырмау</translation>
    </message>
    <message>
        <source>Changes not saved yet.</source>
        <translation>Өзгерістер әлі сақталған жоқ.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сақталды.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <source>The incident has changes that are not saved yet.</source>
        <translation>Оқиғада әлі сақталмаған өзгерістер бар.</translation>
    </message>
    <message>
        <source>Save them, discard them, or stay to go on editing.</source>
        <translation>Оларды сақтаңыз, бас тартыңыз немесе өңдеуді жалғастыру үшін қалыңыз.</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>What happened, in a few words</source>
        <translation>Не болды, бірнеше сөзбен</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ЖЖЖЖ-АА-КК</translation>
    </message>
    <message>
        <source>end, if any: YYYY-MM-DD</source>
        <translation>соңы, болса: ЖЖЖЖ-АА-КК</translation>
    </message>
    <message>
        <source>latitude, e.g. 43.2383</source>
        <translation>ендік, мысалы 43.2383</translation>
    </message>
    <message>
        <source>longitude, e.g. 76.9454</source>
        <translation>бойлық, мысалы 76.9454</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>үтір арқылы</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Атауы:</translation>
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
        <source>Coordinates:</source>
        <translation>Координаттар:</translation>
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
        <source>Description:</source>
        <translation>Сипаттама:</translation>
    </message>
    <message>
        <source>year</source>
        <translation>жыл</translation>
    </message>
    <message>
        <source>month</source>
        <translation>ай</translation>
    </message>
    <message>
        <source>day</source>
        <translation>күн</translation>
    </message>
    <message>
        <source>day and time</source>
        <translation>күн мен уақыт</translation>
    </message>
    <message>
        <source>Give the incident a title.</source>
        <translation>Оқиғаға атау беріңіз.</translation>
    </message>
    <message>
        <source>The start date is not a date. Write it as 2022-01-05, 2022-01, 2022 or 2022-01-05T14:30.</source>
        <translation>Басталу күні дұрыс емес. Оны 2022-01-05, 2022-01, 2022 немесе 2022-01-05T14:30 түрінде жазыңыз.</translation>
    </message>
    <message>
        <source>The end date is not a date. Write it as 2022-01-05, 2022-01, 2022 or 2022-01-05T14:30.</source>
        <translation>Аяқталу күні дұрыс емес. Оны 2022-01-05, 2022-01, 2022 немесе 2022-01-05T14:30 түрінде жазыңыз.</translation>
    </message>
    <message>
        <source>The latitude must be a number from -90 to 90.</source>
        <translation>Ендік -90 мен 90 аралығындағы сан болуы керек.</translation>
    </message>
    <message>
        <source>The longitude must be a number from -180 to 180.</source>
        <translation>Бойлық -180 мен 180 аралығындағы сан болуы керек.</translation>
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
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <source>Choose the incidents to send. Each goes with its people, items and custody log.</source>
        <translation>Жіберілетін оқиғаларды таңдаңыз. Әрқайсысы өз адамдарымен, материалдарымен және сақтау журналымен бірге жіберіледі.</translation>
    </message>
    <message>
        <source>Loading the incidents…</source>
        <translation>Оқиғалар жүктелуде…</translation>
    </message>
</context>
<context>
    <name>ItemInfoPanel</name>
    <message>
        <source>Kind:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <source>File type:</source>
        <translation>Файл түрі:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Өлшемі:</translation>
    </message>
    <message>
        <source>Captured:</source>
        <translation>Түсірілді:</translation>
    </message>
    <message>
        <source>Collected:</source>
        <translation>Жиналды:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Камера:</translation>
    </message>
    <message>
        <source>Dimensions:</source>
        <translation>Өлшемдері:</translation>
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} пиксель</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Ұзақтығы:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Орналасқан жері:</translation>
    </message>
    <message>
        <source>Witness:</source>
        <translation>Куәгер:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тілі:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Дереккөз:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Жазбалар:</translation>
    </message>
    <message>
        <source>Derived:</source>
        <translation>Шыққан көзі:</translation>
    </message>
    <message>
        <source>redacted copy of {name}</source>
        <translation>{name} файлының бүркемеленген көшірмесі</translation>
    </message>
    <message>
        <source>copy made from {name}</source>
        <translation>{name} файлынан жасалған көшірме</translation>
    </message>
    <message>
        <source>redacted copy of item {ident}</source>
        <translation>{ident} материалының бүркемеленген көшірмесі</translation>
    </message>
    <message>
        <source>copy made from item {ident}</source>
        <translation>{ident} материалынан жасалған көшірме</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ескерту:</translation>
    </message>
    <message>
        <source>This photo contains its location. Anyone who gets the original file can see where it was taken.</source>
        <translation>Бұл фотода түсірілген жері жазылған. Түпнұсқа файлды алған кез келген адам оның қай жерде түсірілгенін көре алады.</translation>
    </message>
    <message>
        <source>This file contains its location. Anyone who gets the original file can see where it was made.</source>
        <translation>Бұл файлда оның жасалған жері жазылған. Түпнұсқа файлды алған кез келген адам оның қай жерде жасалғанын көре алады.</translation>
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
    <name>MainToolBar</name>
    <message>
        <source>Main actions</source>
        <translation>Негізгі әрекеттер</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Жаңа оқиға</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Файлдарды тіркеу</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Пакетті экспорттау</translation>
    </message>
    <message>
        <source>Open bundle</source>
        <translation>Пакетті ашу</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Құлыптау</translation>
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
        <source>&amp;User guide</source>
        <translation>&amp;Пайдаланушы нұсқаулығы</translation>
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
        <source>&amp;Partners…</source>
        <translation>Се&amp;ріктестер…</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>Пакетті &amp;экспорттау…</translation>
    </message>
    <message>
        <source>&amp;Open bundle…</source>
        <translation>Пакетті &amp;ашу…</translation>
    </message>
    <message>
        <source>Add &amp;receipt…</source>
        <translation>Түбір&amp;тек қосу…</translation>
    </message>
    <message>
        <source>C&amp;hange passphrase…</source>
        <translation>Құпия &amp;фразаны өзгерту…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Баптаулар…</translation>
    </message>
    <message>
        <source>Panic &amp;wipe…</source>
        <translation>Жедел &amp;өшіру…</translation>
    </message>
    <message>
        <source>E&amp;xport selected incidents…</source>
        <translation>Таңдалған оқиғаларды &amp;экспорттау…</translation>
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation>Есепті &amp;сақтау…</translation>
    </message>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Жаңа оқиға…</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>Файлдарды &amp;тіркеу…</translation>
    </message>
    <message>
        <source>Add &amp;testimony…</source>
        <translation>&amp;Айғақ қосу…</translation>
    </message>
    <message>
        <source>&amp;Record testimony…</source>
        <translation>Айғақты &amp;жазу…</translation>
    </message>
    <message>
        <source>Add &amp;source text…</source>
        <translation>&amp;Дереккөз мәтінін қосу…</translation>
    </message>
    <message>
        <source>&amp;Verify vault…</source>
        <translation>Қойманы &amp;тексеру…</translation>
    </message>
    <message>
        <source>C&amp;ustody log…</source>
        <translation>&amp;Сақтау журналы…</translation>
    </message>
    <message>
        <source>&amp;Trusted time…</source>
        <translation>&amp;Сенімді уақыт…</translation>
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
    <name>MediaViewer</name>
    <message>
        <source>Position</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>This recording cannot be played in kzarchive. To play it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>Бұл жазбаны kzarchive ішінде ойнату мүмкін емес. Оны басқа бағдарламада ойнату үшін шығарып алыңыз: сонда ол дискіге шифрланбаған күйде жазылады.</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <source>New incident</source>
        <translation>Жаңа оқиға</translation>
    </message>
    <message>
        <source>Create incident</source>
        <translation>Оқиға жасау</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>What to include</source>
        <translation>Не енгізу керек</translation>
    </message>
    <message>
        <source>The safe choices are already made; change them only when the recipient needs more.</source>
        <translation>Қауіпсіз нұсқалар әлдеқашан таңдалған; оларды алушыға көбірек қажет болғанда ғана өзгертіңіз.</translation>
    </message>
    <message>
        <source>Send photos as originals, with all their metadata</source>
        <translation>Фотоларды барлық метадеректерімен бірге түпнұсқа күйінде жіберу</translation>
    </message>
    <message>
        <source>Include people&apos;s real names</source>
        <translation>Адамдардың шын аттарын енгізу</translation>
    </message>
    <message>
        <source>Include GPS positions in the item descriptions</source>
        <translation>Материалдардың сипаттамасына GPS координаттарын енгізу</translation>
    </message>
    <message>
        <source>Warning: these photos hold a GPS position in their own bytes. As originals, they reveal where they were taken, whatever you choose below:</source>
        <translation>Ескерту: бұл фотолардың өз байттарында GPS координаттары бар. Түпнұсқа күйінде олар төменде не таңдасаңыз да, қай жерде түсірілгенін көрсетеді:</translation>
    </message>
    <message>
        <source>Otherwise photos go as sanitized copies: the same picture, upright, with no camera data, time or position in the file.</source>
        <translation>Әйтпесе фотолар тазартылған көшірме ретінде жіберіледі: сол сурет, дұрыс бұрылған, файлда камера деректері, уақыт пен орын жоқ.</translation>
    </message>
    <message>
        <source>Otherwise only pseudonyms are sent. Send real names only with the person&apos;s consent, and only to whom it covers.</source>
        <translation>Әйтпесе тек бүркеншік аттар жіберіледі. Шын аттарды тек адамның келісімімен және тек сол келісім қамтитын адамдарға жіберіңіз.</translation>
    </message>
    <message>
        <source>Otherwise positions read from the files are left out of the bundle&apos;s descriptions.</source>
        <translation>Әйтпесе файлдардан оқылған координаттар пакеттің сипаттамаларына енгізілмейді.</translation>
    </message>
</context>
<context>
    <name>PanicWipeDialog</name>
    <message>
        <source>Panic wipe — kzarchive</source>
        <translation>Жедел өшіру — kzarchive</translation>
    </message>
    <message>
        <source>WIPE</source>
        <translation>ӨШІРУ</translation>
    </message>
    <message>
        <source>Destroy the vault now</source>
        <translation>Қойманы қазір жою</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Destroy this vault</source>
        <translation>Бұл қойманы жою</translation>
    </message>
    <message>
        <source>This destroys the vault in {folder} at once. First its keys are overwritten, so nothing in it can ever be decrypted again, not even with the passphrase or the recovery code; then all its files are removed. There is no undo.</source>
        <translation>Бұл {folder} бумасындағы қойманы бірден жояды. Алдымен оның кілттері қайта жазылады, сондықтан ондағы ештеңені енді ешқашан шифрдан шығару мүмкін болмайды, тіпті құпия фразамен де, қалпына келтіру кодымен де; содан кейін оның барлық файлдары өшіріледі. Мұны кері қайтару мүмкін емес.</translation>
    </message>
    <message>
        <source>Bundles you already sent stay with your partners. Any copy or backup of this vault elsewhere is not touched.</source>
        <translation>Бұрын жіберілген пакеттер серіктестеріңізде қалады. Бұл қойманың басқа жердегі көшірмелері мен сақтық көшірмелеріне әсер етпейді.</translation>
    </message>
    <message>
        <source>To confirm, type {word}:</source>
        <translation>Растау үшін {word} деп теріңіз:</translation>
    </message>
</context>
<context>
    <name>PartnersWindow</name>
    <message>
        <source>Partners — kzarchive</source>
        <translation>Серіктестер — kzarchive</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Your identity</source>
        <translation>Сіздің сәйкестігіңіз</translation>
    </message>
    <message>
        <source>Your fingerprint</source>
        <translation>Сіздің саусақ ізіңіз</translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation>Саусақ ізін көшіру</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Export contact card…</source>
        <translation>Байланыс карточкасын экспорттау…</translation>
    </message>
    <message>
        <source>Your encryption key (age recipient):</source>
        <translation>Сіздің шифрлау кілтіңіз (age алушысы):</translation>
    </message>
    <message>
        <source>Partners compare this fingerprint with you, in person or by phone, before they trust bundles you send. Give them your contact card.</source>
        <translation>Серіктестер сіз жіберген пакеттерге сенбес бұрын осы саусақ ізін сізбен жеке кездесіп немесе телефон арқылы салыстырады. Оларға байланыс карточкаңызды беріңіз.</translation>
    </message>
    <message>
        <source>Save your contact card</source>
        <translation>Байланыс карточкаңызды сақтау</translation>
    </message>
    <message>
        <source>Contact cards (*.kzcard)</source>
        <translation>Байланыс карточкалары (*.kzcard)</translation>
    </message>
    <message>
        <source>Your contact card was saved as {name}. It holds only public keys: give it to your partners on a USB stick or by any channel.</source>
        <translation>Байланыс карточкаңыз {name} ретінде сақталды. Онда тек ашық кілттер бар: оны серіктестеріңізге флешкамен немесе кез келген арна арқылы беріңіз.</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Серіктестер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Сенім</translation>
    </message>
    <message>
        <source>Import contact card…</source>
        <translation>Байланыс карточкасын импорттау…</translation>
    </message>
    <message>
        <source>Add partner with only age…</source>
        <translation>Тек age бар серіктесті қосу…</translation>
    </message>
    <message>
        <source>Compare and verify…</source>
        <translation>Салыстыру және растау…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Атын өзгерту…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>kzarchive contact card</source>
        <translation>kzarchive карточкасы</translation>
    </message>
    <message>
        <source>age keys only</source>
        <translation>тек age кілттері</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Расталған</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Расталмаған</translation>
    </message>
    <message>
        <source>Compare the fingerprint with them before you send them anything or trust what they send.</source>
        <translation>Оған бірдеңе жібермес бұрын немесе оның жібергеніне сенбес бұрын онымен саусақ ізін салыстырыңыз.</translation>
    </message>
    <message>
        <source>{name} was added, not yet verified. Compare the fingerprints with them in person or by phone: select them and choose Compare and verify.</source>
        <translation>{name} қосылды, бірақ әлі расталмаған. Онымен саусақ іздерін жеке кездесіп немесе телефон арқылы салыстырыңыз: оны таңдап, «Салыстыру және растау» батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>Choose a partner&apos;s contact card</source>
        <translation>Серіктестің байланыс карточкасын таңдаңыз</translation>
    </message>
    <message>
        <source>Contact cards, any file name (*)</source>
        <translation>Байланыс карточкалары, кез келген файл аты (*)</translation>
    </message>
    <message>
        <source>Contact cards named by kzarchive (*.kzcard)</source>
        <translation>kzarchive атаған байланыс карточкалары (*.kzcard)</translation>
    </message>
    <message>
        <source>{name} is verified. You can now send them bundles and trust bundles they sign.</source>
        <translation>{name} расталды. Енді оған пакет жібере аласыз және ол қол қойған пакеттерге сене аласыз.</translation>
    </message>
    <message>
        <source>Remove partner</source>
        <translation>Серіктесті жою</translation>
    </message>
    <message>
        <source>Remove {name} from your partners?</source>
        <translation>{name} серіктестеріңіздің тізімінен жойылсын ба?</translation>
    </message>
    <message>
        <source>You will no longer be able to send them bundles, and bundles they sign will no longer count as from a verified contact. Evidence already received stays.</source>
        <translation>Сіз оған енді пакет жібере алмайсыз, ал ол қол қойған пакеттер енді расталған байланыстан келген деп саналмайды. Бұрын алынған дәлелдемелер сақталады.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>{name} was removed.</source>
        <translation>{name} жойылды.</translation>
    </message>
</context>
<context>
    <name>PassphraseForm</name>
    <message>
        <source>Show the passphrase</source>
        <translation>Құпия фразаны көрсету</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Қайталаңыз:</translation>
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
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Zoom out</source>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ені бойынша</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Бүкіл бет</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n бет</numerusform>
            <numerusform>%n бет</numerusform>
        </translation>
    </message>
    <message>
        <source>This PDF is protected by a password, so kzarchive cannot show it. To open it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>Бұл PDF құпия сөзбен қорғалған, сондықтан kzarchive оны көрсете алмайды. Оны басқа бағдарламада ашу үшін шығарып алыңыз: сонда ол дискіге шифрланбаған күйде жазылады.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown in kzarchive; it may be damaged. To open it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>Бұл PDF kzarchive ішінде көрсетілмейді; ол бүлінген болуы мүмкін. Оны басқа бағдарламада ашу үшін шығарып алыңыз: сонда ол дискіге шифрланбаған күйде жазылады.</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
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
        <source>Real name</source>
        <translation>Шын аты</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Адам қосу…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Өңдеу…</translation>
    </message>
    <message>
        <source>Show real names</source>
        <translation>Шын аттарды көрсету</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>берілмеген</translation>
    </message>
    <message>
        <source>given</source>
        <translation>берілген</translation>
    </message>
    <message>
        <source>Hide real names</source>
        <translation>Шын аттарды жасыру</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Адам туралы деректерді өңдеу</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Адам қосу</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Келісім берілді</translation>
    </message>
    <message>
        <source>e.g. use in reports, no photos</source>
        <translation>мысалы: баяндамаларда пайдалану, фотосыз</translation>
    </message>
    <message>
        <source>Pseudonym:</source>
        <translation>Бүркеншік аты:</translation>
    </message>
    <message>
        <source>The name used everywhere. Never put a real name here.</source>
        <translation>Барлық жерде қолданылатын ат. Мұнда ешқашан шын атын жазбаңыз.</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Рөлі:</translation>
    </message>
    <message>
        <source>Real name:</source>
        <translation>Шын аты:</translation>
    </message>
    <message>
        <source>Optional. Kept encrypted, hidden in lists, and left out of exports unless chosen.</source>
        <translation>Міндетті емес. Шифрланған күйде сақталады, тізімдерде жасырылады және арнайы таңдалмаса, экспортқа енгізілмейді.</translation>
    </message>
    <message>
        <source>Consent scope:</source>
        <translation>Келісім аясы:</translation>
    </message>
    <message>
        <source>Consent date:</source>
        <translation>Келісім күні:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Жазбалар:</translation>
    </message>
    <message>
        <source>Give a pseudonym.</source>
        <translation>Бүркеншік ат беріңіз.</translation>
    </message>
    <message>
        <source>The consent date is not a date. Write it as 2022-01-05.</source>
        <translation>Келісім күні дұрыс емес. Оны 2022-01-05 түрінде жазыңыз.</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Opening the photo…</source>
        <extracomment>A redacted copy was saved as a new item (the ``Item``).</extracomment>
        <translation>Фото ашылуда…</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Сыйғызу</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>Солға бұру</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>Оңға бұру</translation>
    </message>
    <message>
        <source>Redact…</source>
        <translation>Бүркемелеу…</translation>
    </message>
    <message>
        <source>Cover faces, tattoos or name tags with black boxes in a new copy</source>
        <translation>Жаңа көшірмеде беттерді, татуировкаларды немесе бейдждерді қара тіктөртбұрыштармен жабу</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>This photo&apos;s format cannot be shown in kzarchive. To open it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>Бұл фотоның пішімін kzarchive көрсете алмайды. Оны басқа бағдарламада ашу үшін шығарып алыңыз: сонда ол дискіге шифрланбаған күйде жазылады.</translation>
    </message>
    <message>
        <source>The redacted copy was saved as a new item: {name}. The original is unchanged.</source>
        <translation>Бүркемеленген көшірме жаңа материал ретінде сақталды: {name}. Түпнұсқа өзгертілген жоқ.</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>This receipt was made for another vault: only the vault that sent the bundle can open it.</source>
        <translation>Бұл түбіртек басқа қоймаға арналған: оны тек пакетті жіберген қойма аша алады.</translation>
    </message>
    <message>
        <source>This receipt is signed by someone who is not one of your partners.</source>
        <translation>Бұл түбіртекке сіздің серіктестеріңізде жоқ біреу қол қойған.</translation>
    </message>
    <message>
        <source>This receipt names another partner than the one who signed it.</source>
        <translation>Түбіртекте оған қол қойған серіктес емес, басқа серіктес көрсетілген.</translation>
    </message>
    <message>
        <source>This receipt is signed by {name}, whose fingerprint you have not verified. Compare it with them, mark the contact verified, then add the receipt again.</source>
        <translation>Түбіртекке {name} қол қойған, оның саусақ ізін сіз растамағансыз. Оны онымен салыстырып, байланысты расталған деп белгілеңіз де, түбіртекті қайта қосыңыз.</translation>
    </message>
    <message>
        <source>This receipt confirms a bundle that another vault sent, not this one.</source>
        <translation>Бұл түбіртек осы қойма емес, басқа қойма жіберген пакетті растайды.</translation>
    </message>
    <message>
        <source>This vault never sent the bundle {bundle_id} that the receipt names.</source>
        <translation>Бұл қойма түбіртекте көрсетілген {bundle_id} пакетін ешқашан жібермеген.</translation>
    </message>
    <message>
        <source>The partner received a different or altered bundle: the receipt names another bundle hash than the bundle {bundle_id} this vault sent. Send it again and ask for a new receipt.</source>
        <translation>Серіктес басқа немесе өзгертілген пакет алған: түбіртектегі хеш осы қойма жіберген {bundle_id} пакетінің хешінен өзге. Оны қайта жіберіп, жаңа түбіртек сұраңыз.</translation>
    </message>
    <message>
        <source>The bundle {bundle_id} was not sent to {name}, who signed this receipt.</source>
        <translation>{bundle_id} пакеті осы түбіртекке қол қойған {name} байланысына жіберілмеген.</translation>
    </message>
    <message>
        <source>{name} already confirmed the bundle {bundle_id} with another receipt; the first one is kept.</source>
        <translation>{name} {bundle_id} пакетін басқа түбіртекпен растап қойған; біріншісі сақталды.</translation>
    </message>
    <message>
        <source>This bundle was made for other recipients and passed on to you: a receipt confirms a hand-off only to a recipient.</source>
        <translation>Бұл пакет басқа алушыларға жасалып, сізге әрі қарай берілген: түбіртек тек алушыға тапсыруды растайды.</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Ештеңе жазылған жоқ.</translation>
    </message>
    <message>
        <source>The receipt is damaged or was altered: its encryption, signature or content does not hold.</source>
        <translation>Түбіртек бүлінген немесе өзгертілген: оның шифрлауы, қолтаңбасы немесе мазмұны тексерістен өтпейді.</translation>
    </message>
    <message>
        <source>Nothing was recorded. Ask the partner for a new receipt; do not trust this file.</source>
        <translation>Ештеңе жазылған жоқ. Серіктестен жаңа түбіртек сұраңыз; бұл файлға сенбеңіз.</translation>
    </message>
    <message>
        <source>kzarchive receipts (*.kzr)</source>
        <translation>kzarchive түбіртектері (*.kzr)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Түбіртекті сақтау</translation>
    </message>
    <message>
        <source>Receipt for {name} saved as {file}. Send it to them: only their vault can open it.</source>
        <translation>{name} үшін түбіртек {file} ретінде сақталды. Оны соларға жіберіңіз: оны тек солардың қоймасы аша алады.</translation>
    </message>
    <message>
        <source>This receipt from {name} was added before; nothing changed.</source>
        <translation>{name} жіберген бұл түбіртек бұрын қосылған; ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <source>{name} confirmed that the bundle {bundle_id} arrived and verified. It is logged in the custody log of each incident the bundle carried.</source>
        <translation>{name} {bundle_id} пакетінің жеткенін және тексерістен өткенін растады. Бұл пакеттегі әр оқиғаның сақтау журналына жазылды.</translation>
    </message>
    <message>
        <source>Add a partner&apos;s receipt</source>
        <translation>Серіктестің түбіртегін қосу</translation>
    </message>
    <message>
        <source>Receipt added</source>
        <translation>Түбіртек қосылды</translation>
    </message>
    <message>
        <source>Receipt not added</source>
        <translation>Түбіртек қосылмады</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>Recipients</source>
        <translation>Алушылар</translation>
    </message>
    <message>
        <source>Only the chosen partners can open the bundle (and you).</source>
        <translation>Пакетті тек таңдалған серіктестер (және сіз) ғана аша алады.</translation>
    </message>
    <message>
        <source>Only verified partners can receive bundles. To verify one, compare fingerprints with them in Vault → Partners…</source>
        <translation>Пакетті тек расталған серіктестер ғана ала алады. Серіктесті растау үшін онымен саусақ іздерін Қойма → Серіктестер… мәзірінде салыстырыңыз.</translation>
    </message>
    <message>
        <source>You have no verified partner yet. Add their contact card and compare fingerprints in Vault → Partners… first.</source>
        <translation>Сізде әлі расталған серіктес жоқ. Алдымен олардың байланыс карточкасын қосып, Қойма → Серіктестер… мәзірінде саусақ іздерін салыстырыңыз.</translation>
    </message>
    <message>
        <source>{name} — not verified</source>
        <translation>{name} — расталмаған</translation>
    </message>
    <message>
        <source>Compare fingerprints with them in Vault → Partners… to send them bundles.</source>
        <translation>Оған пакет жіберу үшін онымен саусақ іздерін Қойма → Серіктестер… мәзірінде салыстырыңыз.</translation>
    </message>
</context>
<context>
    <name>RecordTestimonyDialog</name>
    <message>
        <source>Record testimony</source>
        <translation>Айғақты жазу</translation>
    </message>
    <message>
        <source>No microphone was found. Connect one (or allow this app to use it in the system&apos;s privacy settings), then open this window again. A testimony can also be typed: Add testimony…</source>
        <translation>Микрофон табылмады. Оны қосыңыз (немесе жүйенің құпиялылық баптауларында осы бағдарламаға оны пайдалануға рұқсат беріңіз), содан кейін осы терезені қайта ашыңыз. Айғақты теріп жазуға да болады: «Айғақ қосу…»</translation>
    </message>
    <message>
        <source>pseudonym, never a real name</source>
        <translation>бүркеншік ат, ешқашан шын аты емес</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>Microphone:</source>
        <translation>Микрофон:</translation>
    </message>
    <message>
        <source>Witness:</source>
        <translation>Куәгер:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тіл:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Жазба:</translation>
    </message>
    <message>
        <source>Consent, before the testimony</source>
        <translation>Келісім, айғақтан бұрын</translation>
    </message>
    <message>
        <source>No consent statement now</source>
        <translation>Келісім туралы мәлімдемесіз</translation>
    </message>
    <message>
        <source>Spoken: record the witness&apos;s consent first</source>
        <translation>Ауызша: алдымен куәгердің келісімін жазу</translation>
    </message>
    <message>
        <source>Typed: the consent statement below</source>
        <translation>Жазбаша: төмендегі келісім туралы мәлімдеме</translation>
    </message>
    <message>
        <source>e.g. I agree that my testimony is recorded and kept by this organisation.</source>
        <translation>мысалы: Айғағымды осы ұйымның жазып алуына және сақтауына келісемін.</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>Кіріс сигналының деңгейі</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Деңгей:</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>Тоқтату және сақтау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Record the consent</source>
        <translation>Келісімді жазу</translation>
    </message>
    <message>
        <source>Record the testimony</source>
        <translation>Айғақты жазу</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Жалғастыру</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Жазуға дайын</translation>
    </message>
    <message>
        <source>Nothing to record from</source>
        <translation>Жазатын құрылғы жоқ</translation>
    </message>
    <message>
        <source>Recording the consent…</source>
        <translation>Келісім жазылып жатыр…</translation>
    </message>
    <message>
        <source>Recording the testimony…</source>
        <translation>Айғақ жазылып жатыр…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Кідіртілді</translation>
    </message>
    <message>
        <source>Saving the recording…</source>
        <translation>Жазба сақталып жатыр…</translation>
    </message>
    <message>
        <source>Name the witness (a pseudonym) whose consent this is.</source>
        <translation>Бұл кімнің келісімі екенін — куәгерді (бүркеншік атын) көрсетіңіз.</translation>
    </message>
    <message>
        <source>Type the consent statement first.</source>
        <translation>Алдымен келісім туралы мәлімдемені теріңіз.</translation>
    </message>
    <message>
        <source>The recording reached the longest a WAV file can hold and was saved there. Start a new recording to go on.</source>
        <translation>Жазба WAV файлының ең үлкен ұзындығына жетті және сол жерде сақталды. Жалғастыру үшін жаңа жазба бастаңыз.</translation>
    </message>
    <message>
        <source>The consent is saved. Now record the testimony.</source>
        <translation>Келісім сақталды. Енді айғақты жазыңыз.</translation>
    </message>
    <message>
        <source>Stop the recording first: it is saved when it stops.</source>
        <translation>Алдымен жазбаны тоқтатыңыз: ол тоқтағанда сақталады.</translation>
    </message>
</context>
<context>
    <name>RedactionWindow</name>
    <message>
        <source>Redact {name} — kzarchive</source>
        <extracomment>A drag shorter than this (in image pixels) is a click, not a box. The redacted copy was stored (the new ``Item``).</extracomment>
        <translation>Бүркемелеу: {name} — kzarchive</translation>
    </message>
    <message>
        <source>Remove box</source>
        <translation>Тіктөртбұрышты алып тастау</translation>
    </message>
    <message>
        <source>Save redacted copy</source>
        <translation>Бүркемеленген көшірмені сақтау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Drag over each face, tattoo, name tag or anything else that identifies a person. The boxes become solid black in a new copy; the original photo is kept unchanged.</source>
        <translation>Адамды танып қоюға болатын әр бетті, татуировканы, бейджді және басқаның бәрін тінтуірмен белгілеңіз. Жаңа көшірмеде бұл тіктөртбұрыштар толығымен қара болады; түпнұсқа фото өзгеріссіз қалады.</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Тіктөртбұрыштар</translation>
    </message>
    <message>
        <source>Box {n}: {width} × {height} at {x}, {y}</source>
        <translation>№ {n}: {width} × {height}, орны {x}, {y}</translation>
    </message>
    <message>
        <source>Saving the redacted copy…</source>
        <translation>Бүркемеленген көшірме сақталуда…</translation>
    </message>
</context>
<context>
    <name>RenameContactDialog</name>
    <message>
        <source>Rename partner</source>
        <translation>Серіктестің атын өзгерту</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Атын өзгерту</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Жаңа аты:</translation>
    </message>
</context>
<context>
    <name>SaveReportDialog</name>
    <message>
        <source>Save report</source>
        <translation>Есепті сақтау</translation>
    </message>
    <message>
        <source>A printable report (PDF) of this bundle and of what its check found: the verdict, the signer, every item with its SHA-256, the custody timeline, and how to check it all again with standard tools.</source>
        <translation>Осы пакет және оны тексеру нәтижесі туралы басып шығаруға арналған есеп (PDF): қорытынды, қол қоюшы, әр материал мен оның SHA-256 мәні, сақтау хронологиясы және бәрін стандартты бағдарламалармен қайта тексеру жолы.</translation>
    </message>
    <message numerus="yes">
        <source>A printable report (PDF) of %n incident(s): every item is read and compared with its SHA-256 and the custody log is checked first. It lists the verdict, every item with its SHA-256, the custody timeline and how to check it all again.</source>
        <translation>
            <numerusform>%n оқиға туралы басып шығаруға арналған есеп (PDF): алдымен әр материал оқылып, өз SHA-256 мәнімен салыстырылады, сақтау журналы тексеріледі. Есепте қорытынды, әр материал мен оның SHA-256 мәні, сақтау хронологиясы және бәрін қайта тексеру жолы бар.</numerusform>
            <numerusform>%n оқиға туралы басып шығаруға арналған есеп (PDF): алдымен әр материал оқылып, өз SHA-256 мәнімен салыстырылады, сақтау журналы тексеріледі. Есепте қорытынды, әр материал мен оның SHA-256 мәні, сақтау хронологиясы және бәрін қайта тексеру жолы бар.</numerusform>
        </translation>
    </message>
    <message>
        <source>The report names the incidents and their items: keep it as carefully as the evidence. It is written only where you choose, and the custody log records it.</source>
        <translation>Есепте оқиғалар мен олардың материалдары аталады: оны дәлелдемелер сияқты мұқият сақтаңыз. Ол тек сіз таңдаған жерге жазылады, бұл сақтау журналына тіркеледі.</translation>
    </message>
    <message>
        <source>Include people&apos;s real names (default: pseudonyms only)</source>
        <translation>Адамдардың шын есімдерін енгізу (әдепкіде тек бүркеншік аттар)</translation>
    </message>
    <message>
        <source>Include GPS positions and coordinates</source>
        <translation>GPS деректері мен координаттарды енгізу</translation>
    </message>
    <message>
        <source>Language of the report:</source>
        <translation>Есептің тілі:</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Есепті сақтау…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Есепті былай сақтау</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <source>Checking and writing the report…</source>
        <translation>Есеп тексеріліп, жазылуда…</translation>
    </message>
    <message numerus="yes">
        <source>Saved to {path}: %n page(s). Every page carries this hash: {sha}</source>
        <translation>
            <numerusform>{path} ішіне сақталды: %n бет. Әр бетте мына хеш бар: {sha}</numerusform>
            <numerusform>{path} ішіне сақталды: %n бет. Әр бетте мына хеш бар: {sha}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentPanel</name>
    <message>
        <source>This incident has not been sent to partners yet.</source>
        <translation>Бұл оқиға серіктестерге әлі жіберілген жоқ.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Не</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Жіберілді</translation>
    </message>
    <message>
        <source>Bundle hash (SHA-256 of its signed tag manifest): {hash}</source>
        <translation>Пакет хеші (оның қол қойылған қызметтік файлдар манифесінің SHA-256): {hash}</translation>
    </message>
    <message>
        <source>No receipt yet</source>
        <translation>Түбіртек әлі жоқ</translation>
    </message>
    <message numerus="yes">
        <source>Received and verified: %n file(s)</source>
        <translation>
            <numerusform>Алынды және тексерілді: %n файл</numerusform>
            <numerusform>Алынды және тексерілді: %n файл</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received and verified, with %n warning(s)</source>
        <translation>
            <numerusform>Алынды және тексерілді, %n ескерту</numerusform>
            <numerusform>Алынды және тексерілді, %n ескерту</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — kzarchive</source>
        <translation>Баптаулар — kzarchive</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Жүйе тілі</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Send photos as originals, with all their metadata</source>
        <translation>Фотоларды барлық метадеректерімен бірге түпнұсқа күйінде жіберу</translation>
    </message>
    <message>
        <source>Include GPS positions in the item descriptions</source>
        <translation>Материалдардың сипаттамасына GPS координаттарын енгізу</translation>
    </message>
    <message>
        <source>Interface and locking</source>
        <translation>Интерфейс және құлыптау</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тіл:</translation>
    </message>
    <message>
        <source>Applies at once: the window is rebuilt in the new language.</source>
        <translation>Бірден қолданылады: терезе жаңа тілде қайта құрылады.</translation>
    </message>
    <message>
        <source>Lock after:</source>
        <translation>Құлыптау уақыты:</translation>
    </message>
    <message>
        <source>Minutes without keyboard or mouse input before the vault locks itself. Applies at once.</source>
        <translation>Пернетақта мен тінтуір қолданылмаған неше минуттан кейін қойма өзі құлыпталады. Бірден қолданылады.</translation>
    </message>
    <message>
        <source>Export: starting choices</source>
        <translation>Экспорт: бастапқы таңдаулар</translation>
    </message>
    <message>
        <source>The export wizard starts with these; you can change them for each bundle. Real names are never a starting choice: tick them in the wizard when a person&apos;s consent covers it.</source>
        <translation>Экспорт шебері осы таңдаулардан басталады; оларды әр пакет үшін өзгертуге болады. Шын аттар ешқашан әдепкі бойынша таңдалмайды: адамның келісімі оны қамтыса, оларды шеберде белгілеңіз.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>SimilarItemsPanel</name>
    <message>
        <source>Similar items</source>
        <extracomment>The id of a listed item the person chose to open.</extracomment>
        <translation>Ұқсас материалдар</translation>
    </message>
    <message>
        <source>Looking for copies of this picture…</source>
        <translation>Осы суреттің көшірмелері ізделуде…</translation>
    </message>
    <message>
        <source>Double-click to open the item</source>
        <translation>Материалды ашу үшін екі рет басыңыз</translation>
    </message>
    <message>
        <source>No other item in the vault shows this picture.</source>
        <translation>Қоймадағы басқа ешбір материалда бұл сурет жоқ.</translation>
    </message>
    <message>
        <source>Each copy stays its own item, with its own source and custody.</source>
        <translation>Әр көшірме өз көзі мен сақтау журналы бар жеке материал болып қалады.</translation>
    </message>
    <message>
        <source>Copies could not be looked for: {reason}</source>
        <translation>Көшірмелерді іздеу мүмкін болмады: {reason}</translation>
    </message>
    <message>
        <source>Exact copy (the same bytes)</source>
        <translation>Дәл көшірме (бірдей байттар)</translation>
    </message>
    <message>
        <source>Distance {distance} of 256</source>
        <translation>Қашықтық: 256-дан {distance}</translation>
    </message>
    <message>
        <source>received from a partner</source>
        <translation>серіктестен алынған</translation>
    </message>
    <message>
        <source>collected here</source>
        <translation>осында жиналған</translation>
    </message>
    <message>
        <source>{how}: {name}
Incident: {incident} · {where}</source>
        <translation>{how}: {name}
Оқиға: {incident} · {where}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>The bundle is ready</source>
        <translation>Пакет дайын</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Материал</translation>
    </message>
    <message>
        <source>Sent as</source>
        <translation>Жіберілу түрі</translation>
    </message>
    <message>
        <source>SHA-256 of what was sent</source>
        <translation>Жіберілгеннің SHA-256 мәні</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Bundle hash (SHA-256 of its signed tag manifest). It names this bundle in your custody log, and in the recipient&apos;s once they import it.</source>
        <translation>Пакет хеші (оның қол қойылған қызметтік манифесінің SHA-256 мәні). Ол осы пакетті сіздің сақтау журналыңызда, ал импортталғаннан кейін алушының журналында атайды.</translation>
    </message>
    <message>
        <source>Saved as {path} ({size}), for {names}.</source>
        <translation>{path} ретінде сақталды ({size}), алушылар: {names}.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Түпнұсқа</translation>
    </message>
    <message>
        <source>Sanitized copy</source>
        <translation>Тазартылған көшірме</translation>
    </message>
    <message>
        <source>Withheld: its redacted copy was sent</source>
        <translation>Жіберілмеді: оның орнына бүркемеленген көшірмесі жіберілді</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Save the bundle</source>
        <translation>Пакетті сақтау</translation>
    </message>
    <message>
        <source>The bundle is one encrypted file: carry it on a USB stick or send it by any channel.</source>
        <translation>Пакет — бір шифрланған файл: оны флешкамен тасымалдаңыз немесе кез келген арна арқылы жіберіңіз.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Ready to export</source>
        <translation>Экспортқа дайын</translation>
    </message>
    <message>
        <source>Incidents: {n}</source>
        <translation>Оқиғалар: {n}</translation>
    </message>
    <message>
        <source>For: {names}</source>
        <translation>Алушылар: {names}</translation>
    </message>
    <message>
        <source>Photos: originals</source>
        <translation>Фотолар: түпнұсқалар</translation>
    </message>
    <message>
        <source>Photos: sanitized copies</source>
        <translation>Фотолар: тазартылған көшірмелер</translation>
    </message>
    <message>
        <source>Real names: included</source>
        <translation>Шын аттар: енгізілген</translation>
    </message>
    <message>
        <source>Real names: not included</source>
        <translation>Шын аттар: енгізілмеген</translation>
    </message>
    <message>
        <source>GPS positions: included</source>
        <translation>GPS координаттары: енгізілген</translation>
    </message>
    <message numerus="yes">
        <source>GPS positions: inside %n original photo(s); left out of the descriptions</source>
        <translation>
            <numerusform>GPS координаттары: %n түпнұсқа фотосуреттің ішінде; сипаттамаларға енгізілмеген</numerusform>
            <numerusform>GPS координаттары: %n түпнұсқа фотосуреттің ішінде; сипаттамаларға енгізілмеген</numerusform>
        </translation>
    </message>
    <message>
        <source>GPS positions: not included</source>
        <translation>GPS координаттары: енгізілмеген</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>Пакетті сақтау</translation>
    </message>
    <message>
        <source>kzarchive bundles (*.kzb)</source>
        <translation>kzarchive пакеттері (*.kzb)</translation>
    </message>
    <message>
        <source>Give the bundle a file name.</source>
        <translation>Пакетке файл атауын беріңіз.</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>Мұндай бума жоқ.</translation>
    </message>
    <message>
        <source>A file of that name exists already; choose another name.</source>
        <translation>Мұндай атаулы файл бар; басқа атау таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>TermLabel</name>
    <message>
        <source>What is this?</source>
        <translation>Бұл не?</translation>
    </message>
</context>
<context>
    <name>TextEntryDialog</name>
    <message>
        <source>Add testimony</source>
        <translation>Айғақ қосу</translation>
    </message>
    <message>
        <source>Add source text</source>
        <translation>Дереккөз мәтінін қосу</translation>
    </message>
    <message>
        <source>Type the testimony here, or paste it.</source>
        <translation>Айғақты осында теріңіз немесе қойыңыз.</translation>
    </message>
    <message>
        <source>Paste the text here, or load it from a file.</source>
        <translation>Мәтінді осында қойыңыз немесе файлдан жүктеңіз.</translation>
    </message>
    <message>
        <source>Load from a file…</source>
        <translation>Файлдан жүктеу…</translation>
    </message>
    <message>
        <source>optional, e.g. testimony-A-3.txt</source>
        <translation>міндетті емес, мысалы testimony-A-3.txt</translation>
    </message>
    <message>
        <source>optional, e.g. ministry-statement-2022-01-10.txt</source>
        <translation>міндетті емес, мысалы министрлік-мәлімдемесі-2022-01-10.txt</translation>
    </message>
    <message>
        <source>pseudonym, never a real name</source>
        <translation>бүркеншік ат, ешқашан шын аты емес</translation>
    </message>
    <message>
        <source>where it was published or who gave it</source>
        <translation>қайда жарияланған немесе кім берген</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тілі:</translation>
    </message>
    <message>
        <source>Witness:</source>
        <translation>Куәгер:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Дереккөз:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Жазба:</translation>
    </message>
    <message>
        <source>Add to the incident</source>
        <translation>Оқиғаға қосу</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>Load a text file</source>
        <translation>Мәтіндік файлды жүктеу</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md *.text)</source>
        <translation>Мәтіндік файлдар (*.txt *.md *.text)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>This file is too large for a text. Attach it as a file instead (Attach files…).</source>
        <translation>Бұл файл мәтін үшін тым үлкен. Оны файл ретінде тіркеңіз (Файлдарды тіркеу…).</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Файлды оқу мүмкін болмады.</translation>
    </message>
    <message>
        <source>Loaded {name} (read as {encoding}).</source>
        <translation>{name} жүктелді ({encoding} ретінде оқылды).</translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>Loading…</source>
        <extracomment>Texts longer than this are shown in part; the rest is a click on Extract away.</extracomment>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>This text is long: only its beginning is shown. Extract it to read all of it.</source>
        <translation>Мәтін ұзын: тек басы көрсетілген. Толық оқу үшін оны шығарып алыңыз.</translation>
    </message>
</context>
<context>
    <name>TrustedTimeDialog</name>
    <message>
        <source>Trusted time</source>
        <translation>Сенімді уақыт</translation>
    </message>
    <message>
        <source>A time-stamping authority can vouch that your custody log existed by a certain time, so that nobody can argue the evidence was made later. This app never goes online: make a request file, carry it to a connected computer, and run:</source>
        <translation>Уақыт белгісі орталығы сақтау журналыңыздың белгілі бір уақытта болғанын растай алады, сонда ешкім дәлелдер кейін жасалды деп айта алмайды. Қолданба ешқашан желіге шықпайды: сұрау файлын жасап, оны интернеті бар компьютерге апарып, мынаны орындаңыз:</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>Команданы көшіру</translation>
    </message>
    <message>
        <source>Replace TSA-OF-YOUR-CHOICE with the address of an authority you choose, bring stamp.tsr back and add it here. With the authority&apos;s CA certificate its signature is checked too; without it the time-stamp is kept as not yet checked.</source>
        <translation>TSA-OF-YOUR-CHOICE орнына өзіңіз таңдаған орталықтың мекенжайын жазыңыз, stamp.tsr файлын қайта әкеліп, осында қосыңыз. Орталықтың КО сертификатымен оның қолтаңбасы да тексеріледі; онсыз белгі әлі тексерілмеген ретінде сақталады.</translation>
    </message>
    <message>
        <source>Make a request file…</source>
        <translation>Сұрау файлын жасау…</translation>
    </message>
    <message>
        <source>CA certificate…</source>
        <translation>КО сертификаты…</translation>
    </message>
    <message>
        <source>Add the reply…</source>
        <translation>Жауапты қосу…</translation>
    </message>
    <message>
        <source>Entries covered</source>
        <translation>Қамтылған жазбалар</translation>
    </message>
    <message>
        <source>Stamped time</source>
        <translation>Белгі уақыты</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Уақыт белгісі орталығы</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>verified against an authority you trust</source>
        <translation>сіз сенетін орталық бойынша тексерілді</translation>
    </message>
    <message>
        <source>not yet checked against a trusted authority</source>
        <translation>сенімді орталық бойынша әлі тексерілмеген</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) not yet answered.</source>
        <translation>
            <numerusform>%n сұрауға әлі жауап жоқ.</numerusform>
            <numerusform>%n сұрауға әлі жауап жоқ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the request file</source>
        <translation>Сұрау файлын сақтау</translation>
    </message>
    <message>
        <source>Time-stamp requests (*.tsq)</source>
        <translation>Уақыт белгісі сұраулары (*.tsq)</translation>
    </message>
    <message>
        <source>Saved {path}: a request over the custody log up to entry {size}. Send it from a connected computer with the command above.</source>
        <translation>{path} сақталды: сақтау журналының {size}-жазбасына дейінгі сұрау. Оны интернеті бар компьютерден жоғарыдағы командамен жіберіңіз.</translation>
    </message>
    <message>
        <source>The authority&apos;s CA certificate</source>
        <translation>Орталықтың КО сертификаты</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Сертификаттар (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Replies are checked against {path}.</source>
        <translation>Жауаптар {path} бойынша тексеріледі.</translation>
    </message>
    <message numerus="yes">
        <source>%n time-stamp(s) kept earlier now verified with this CA certificate.</source>
        <translation>
            <numerusform>Бұрын сақталған %n уақыт белгісі енді осы КО сертификатымен тексерілді.</numerusform>
            <numerusform>Бұрын сақталған %n уақыт белгісі енді осы КО сертификатымен тексерілді.</numerusform>
        </translation>
    </message>
    <message>
        <source>The authority&apos;s reply</source>
        <translation>Орталықтың жауабы</translation>
    </message>
    <message>
        <source>Time-stamp replies (*.tsr)</source>
        <translation>Уақыт белгісі жауаптары (*.tsr)</translation>
    </message>
    <message>
        <source>Kept: the custody log up to entry {size} existed by {time} ({authority}).</source>
        <translation>Сақталды: сақтау журналы {size}-жазбаға дейін {time} кезінде болған ({authority}).</translation>
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
    <name>VerifyDialog</name>
    <message>
        <source>Verify vault</source>
        <translation>Қойманы тексеру</translation>
    </message>
    <message>
        <source>Checking the vault…</source>
        <translation>Қойма тексерілуде…</translation>
    </message>
    <message>
        <source>Every stored file is read and compared with the SHA-256 recorded when it was collected; the key file, the database and the custody log are checked too.</source>
        <translation>Сақталған әрбір файл оқылып, жинаған кезде жазылған SHA-256 мәнімен салыстырылады; кілттер файлы, дерекқор және сақтау журналы да тексеріледі.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <source>Everything checked is intact.</source>
        <translation>Тексерілгеннің бәрі бүтін.</translation>
    </message>
    <message>
        <source>Problems found: {n}</source>
        <translation>Табылған ақаулар: {n}</translation>
    </message>
    <message>
        <source>The check was stopped.</source>
        <translation>Тексеру тоқтатылды.</translation>
    </message>
    <message>
        <source>The check could not be completed.</source>
        <translation>Тексеруді аяқтау мүмкін болмады.</translation>
    </message>
    <message>
        <source>Technical detail: {detail}</source>
        <translation>Техникалық мәлімет: {detail}</translation>
    </message>
    <message>
        <source>Key file (vault.keys)</source>
        <translation>Кілттер файлы (vault.keys)</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>бүтін</translation>
    </message>
    <message>
        <source>damaged or altered</source>
        <translation>бүлінген немесе өзгертілген</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Дерекқор</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>Сақтау журналы</translation>
    </message>
    <message numerus="yes">
        <source>complete and unaltered (%n entry(s))</source>
        <translation>
            <numerusform>толық әрі өзгертілмеген (%n жазба)</numerusform>
            <numerusform>толық әрі өзгертілмеген (%n жазба)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) read, {size}, each matching its SHA-256</source>
        <translation>
            <numerusform>%n материал оқылды, {size}; әрқайсысы өз SHA-256 мәніне сәйкес</numerusform>
            <numerusform>%n материал оқылды, {size}; әрқайсысы өз SHA-256 мәніне сәйкес</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) read, {size}; no file the vault does not know</source>
        <translation>
            <numerusform>%n материал оқылды, {size}; қоймаға белгісіз файл жоқ</numerusform>
            <numerusform>%n материал оқылды, {size}; қоймаға белгісіз файл жоқ</numerusform>
        </translation>
    </message>
    <message>
        <source>Custody received from partners</source>
        <translation>Серіктестерден алынған сақтау журналы</translation>
    </message>
    <message>
        <source>Stored files</source>
        <translation>Сақталған файлдар</translation>
    </message>
    <message>
        <source>damaged: the content does not match its recorded SHA-256</source>
        <translation>бүлінген: мазмұны жазылған SHA-256 мәніне сәйкес келмейді</translation>
    </message>
    <message>
        <source>Preview image {ident}</source>
        <translation>{ident} нобай суреті</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>бүлінген</translation>
    </message>
    <message>
        <source>altered or incomplete</source>
        <translation>өзгертілген немесе толық емес</translation>
    </message>
    <message>
        <source>Rollback anchor</source>
        <translation>Кері қайтарудан қорғау</translation>
    </message>
    <message numerus="yes">
        <source>the custody log&apos;s %n entry(s) extend what was last recorded</source>
        <translation>
            <numerusform>сақтау журналының %n жазбасы соңғы жазылғанды жалғастырады</numerusform>
            <numerusform>сақтау журналының %n жазбасы соңғы жазылғанды жалғастырады</numerusform>
        </translation>
    </message>
    <message>
        <source>none yet (made at the next change)</source>
        <translation>әзірге жоқ (келесі өзгерісте жасалады)</translation>
    </message>
    <message>
        <source>the database is older than this vault last recorded, or altered</source>
        <translation>дерекқор бұл қойма соңғы рет жазғаннан ескі немесе өзгертілген</translation>
    </message>
    <message numerus="yes">
        <source>unaltered (%n entry(s))</source>
        <translation>
            <numerusform>өзгертілмеген (%n жазба)</numerusform>
            <numerusform>өзгертілмеген (%n жазба)</numerusform>
        </translation>
    </message>
    <message>
        <source>altered</source>
        <translation>өзгертілген</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) found that the vault does not know</source>
        <translation>
            <numerusform>қоймаға белгісіз %n файл табылды</numerusform>
            <numerusform>қоймаға белгісіз %n файл табылды</numerusform>
        </translation>
    </message>
    <message>
        <source>their list could not be read</source>
        <translation>олардың тізімін оқу мүмкін болмады</translation>
    </message>
    <message>
        <source>good</source>
        <translation>дұрыс</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>қате</translation>
    </message>
    <message>
        <source>Item {ident}</source>
        <translation>{ident} материалы</translation>
    </message>
    <message>
        <source>Item “{name}” of the incident “{title}”</source>
        <translation>«{title}» оқиғасының «{name}» материалы</translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <source>this format cannot be decoded; the original is kept as it is</source>
        <translation>бұл пішімді ашу мүмкін емес; түпнұсқа сол күйінде сақталған</translation>
    </message>
    <message>
        <source>the image is too large to decode safely</source>
        <translation>сурет қауіпсіз ашу үшін тым үлкен</translation>
    </message>
    <message>
        <source>the image data is damaged or is not in the format its type claims</source>
        <translation>сурет деректері бүлінген немесе көрсетілген пішімге сәйкес келмейді</translation>
    </message>
    <message>
        <source>metadata could not be read</source>
        <translation>метадеректерді оқу мүмкін болмады</translation>
    </message>
    <message>
        <source>the metadata is damaged and could not be read completely</source>
        <translation>метадеректер бүлінген және толық оқылмады</translation>
    </message>
    <message>
        <source>, altitude {metres} m</source>
        <translation>, биіктігі {metres} м</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <source>{name} — kzarchive</source>
        <translation>{name} — kzarchive</translation>
    </message>
    <message>
        <source>Extract…</source>
        <translation>Шығарып алу…</translation>
    </message>
    <message>
        <source>Write the original file to a folder, unencrypted</source>
        <translation>Түпнұсқа файлды бумаға шифрланбаған күйде жазу</translation>
    </message>
    <message>
        <source>Extract the original</source>
        <translation>Түпнұсқаны шығарып алу</translation>
    </message>
    <message>
        <source>The file will be written to disk unencrypted.</source>
        <translation>Файл дискіге шифрланбаған күйде жазылады.</translation>
    </message>
    <message>
        <source>Anyone who can read that disk or drive can then see it, and deleting it may not remove it completely. Extract only to a place you trust, and only when you need the file in another program.</source>
        <translation>Сол дискіні немесе жинақтағышты оқи алатын кез келген адам оны көре алады, ал оны өшіру оны толық жоймауы мүмкін. Тек сенімді жерге және файл басқа бағдарламада қажет болғанда ғана шығарып алыңыз.</translation>
    </message>
    <message>
        <source>Choose a folder for the unencrypted copy</source>
        <translation>Шифрланбаған көшірмеге арналған буманы таңдаңыз</translation>
    </message>
    <message>
        <source>Writing the unencrypted copy…</source>
        <translation>Шифрланбаған көшірме жазылуда…</translation>
    </message>
    <message>
        <source>Written unencrypted to {path}. Delete it when it is no longer needed.</source>
        <translation>{path} ішіне шифрланбаған күйде жазылды. Қажет болмай қалғанда оны жойыңыз.</translation>
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
    <message>
        <source>Kazakh</source>
        <translation>қазақ тілі</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>орыс тілі</translation>
    </message>
    <message>
        <source>English</source>
        <translation>ағылшын тілі</translation>
    </message>
    <message>
        <source>Uzbek</source>
        <translation>өзбек тілі</translation>
    </message>
    <message>
        <source>Kyrgyz</source>
        <translation>қырғыз тілі</translation>
    </message>
    <message>
        <source>Uyghur</source>
        <translation>ұйғыр тілі</translation>
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
<context>
    <name>window</name>
    <message>
        <source>Extract…</source>
        <translation>Шығарып алу…</translation>
    </message>
</context>
</TS>
