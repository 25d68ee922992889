<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Останавливаю…</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Create a new vault</source>
        <translation>Новое хранилище</translation>
    </message>
    <message>
        <source>For example: Field work 2024</source>
        <translation>Например: Полевая работа 2024</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <source>Vault name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Everything in the vault is encrypted with a key that only your passphrase unlocks. Nobody can recover a forgotten passphrase, so choose one you will remember: several unrelated words are strong and easy to type.</source>
        <translation>Всё содержимое хранилища шифруется ключом, который открывает только ваша парольная фраза. Забытую фразу не восстановит никто, поэтому выберите такую, которую вы запомните: несколько не связанных между собой слов надёжны и легко набираются.</translation>
    </message>
    <message>
        <source>Too short: use at least {n} characters.</source>
        <translation>Слишком коротко: нужно не меньше {n} символов.</translation>
    </message>
    <message>
        <source>Weak: add another word or two.</source>
        <translation>Слабая: добавьте ещё одно-два слова.</translation>
    </message>
    <message>
        <source>Fair: acceptable, but a longer passphrase is safer.</source>
        <translation>Средняя: допустимо, но более длинная фраза надёжнее.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Надёжная.</translation>
    </message>
    <message>
        <source>Use at least {n} characters; a few unrelated words are best.</source>
        <translation>Не меньше {n} символов; лучше всего несколько не связанных между собой слов.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Фразы не совпадают.</translation>
    </message>
    <message>
        <source>Choose where to keep the vault</source>
        <translation>Выберите папку для хранилища</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Создаю хранилище…</translation>
    </message>
    <message>
        <source>Deriving the encryption keys from your passphrase. This takes a moment on purpose: it makes guessing the passphrase slow for anyone else.</source>
        <translation>Вычисляю ключи шифрования из вашей парольной фразы. Это намеренно занимает некоторое время: так подбирать фразу будет слишком долго для кого-либо другого.</translation>
    </message>
    <message>
        <source>I have written the recovery code down.</source>
        <translation>Код восстановления записан.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Ваш код восстановления</translation>
    </message>
    <message>
        <source>This code opens the vault if the passphrase is ever lost. It is shown only now. Write it on paper and keep it in a safe place away from this computer: anyone who has it can open the vault.</source>
        <translation>Этот код откроет хранилище, если парольная фраза будет утеряна. Он показывается только сейчас. Запишите его на бумаге и храните в надёжном месте отдельно от этого компьютера: любой, у кого есть код, может открыть хранилище.</translation>
    </message>
    <message>
        <source>Vault fingerprint</source>
        <translation>Отпечаток хранилища</translation>
    </message>
    <message>
        <source>Partners compare these digits with you, in person or by phone, before they trust what you send them.</source>
        <translation>Партнёры сверяют с вами эти цифры лично или по телефону, прежде чем доверять тому, что вы им присылаете.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The passphrase is not correct for this vault.</source>
        <translation>Неверная парольная фраза для этого хранилища.</translation>
    </message>
    <message>
        <source>Check the keyboard layout and Caps Lock. If the passphrase is lost, unlock the vault with the recovery code.</source>
        <translation>Проверьте раскладку клавиатуры и Caps Lock. Если фраза утеряна, откройте хранилище с помощью кода восстановления.</translation>
    </message>
    <message>
        <source>This folder is not a kzarchive vault: {path}</source>
        <translation>Эта папка не является хранилищем kzarchive: {path}</translation>
    </message>
    <message>
        <source>Choose the folder that holds the file vault.keys.</source>
        <translation>Выберите папку, в которой лежит файл vault.keys.</translation>
    </message>
    <message>
        <source>This vault was made by a newer version of kzarchive.</source>
        <translation>Это хранилище создано более новой версией kzarchive.</translation>
    </message>
    <message>
        <source>Update kzarchive to open it. Nothing was changed.</source>
        <translation>Обновите kzarchive, чтобы открыть его. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The vault is open in another kzarchive window or command.</source>
        <translation>Хранилище открыто в другом окне или команде kzarchive.</translation>
    </message>
    <message>
        <source>Close the other window or command, then try again.</source>
        <translation>Закройте другое окно или команду и попробуйте снова.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Хранилище заблокировано.</translation>
    </message>
    <message>
        <source>Unlock it with the passphrase first.</source>
        <translation>Сначала разблокируйте его парольной фразой.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Диск заполнен.</translation>
    </message>
    <message>
        <source>Free some space and try again. Nothing was lost: the operation was undone.</source>
        <translation>Освободите место и попробуйте снова. Ничего не потеряно: операция отменена.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Отменено. Ничего не изменено.</translation>
    </message>
    <message>
        <source>A file was not found.</source>
        <translation>Файл не найден.</translation>
    </message>
    <message>
        <source>Check that the drive is connected. Nothing was changed.</source>
        <translation>Проверьте, подключён ли диск. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Integrity check failed: the data was damaged or altered.</source>
        <translation>Проверка целостности не пройдена: данные повреждены или изменены.</translation>
    </message>
    <message>
        <source>Do not trust it; keep the file as it is and compare it with a backup.</source>
        <translation>Не доверяйте этим данным; сохраните файл как есть и сравните его с резервной копией.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Что-то пошло не так.</translation>
    </message>
    <message>
        <source>Nothing was changed. Please try again.</source>
        <translation>Ничего не изменено. Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <source>Select an incident to see it here.</source>
        <translation>Выберите инцидент, чтобы увидеть его здесь.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Псевдоним</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя файла</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Дата съёмки</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Где:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Violations:</source>
        <translation>Нарушения:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>given</source>
        <translation>дано</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>не дано</translation>
    </message>
    <message>
        <source>People ({n})</source>
        <translation>Люди ({n})</translation>
    </message>
    <message>
        <source>Items ({n})</source>
        <translation>Материалы ({n})</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалы</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
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
        <translation>Поиск по названиям, местам, показаниям и заметкам…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>&amp;Close vault</source>
        <translation>За&amp;крыть хранилище</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Инцидент</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About kzarchive</source>
        <translation>&amp;О программе kzarchive</translation>
    </message>
    <message>
        <source>Incidents found: {n}</source>
        <translation>Найдено инцидентов: {n}</translation>
    </message>
    <message>
        <source>Incidents: {n}</source>
        <translation>Инцидентов: {n}</translation>
    </message>
    <message>
        <source>About kzarchive</source>
        <translation>О программе kzarchive</translation>
    </message>
    <message>
        <source>kzarchive {version}</source>
        <translation>kzarchive {version}</translation>
    </message>
    <message>
        <source>A secure, offline evidence archive for human-rights documenters.

This vault&apos;s fingerprint:
{fingerprint}</source>
        <translation>Защищённый автономный архив доказательств для правозащитников, документирующих нарушения.

Отпечаток этого хранилища:
{fingerprint}</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>Unlock — kzarchive</source>
        <translation>Разблокировка — kzarchive</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Разблокировать хранилище</translation>
    </message>
    <message>
        <source>I lost the passphrase: use the recovery code</source>
        <translation>Парольная фраза утеряна: использовать код восстановления</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Other vault…</source>
        <translation>Другое хранилище…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>This is the demo vault. Its passphrase is {passphrase}.</source>
        <translation>Это демо-хранилище. Его парольная фраза: {passphrase}.</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>Код восстановления:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>The code you wrote down when the vault was created</source>
        <translation>Код, который вы записали при создании хранилища</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Проверяю парольную фразу…</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Arbitrary detention</source>
        <translation>Произвольное задержание</translation>
    </message>
    <message>
        <source>Torture or ill-treatment</source>
        <translation>Пытки или жестокое обращение</translation>
    </message>
    <message>
        <source>Killing</source>
        <translation>Убийство</translation>
    </message>
    <message>
        <source>Enforced disappearance</source>
        <translation>Насильственное исчезновение</translation>
    </message>
    <message>
        <source>Excessive force</source>
        <translation>Чрезмерное применение силы</translation>
    </message>
    <message>
        <source>Attack on a journalist</source>
        <translation>Нападение на журналиста</translation>
    </message>
    <message>
        <source>Denial of legal counsel</source>
        <translation>Отказ в доступе к адвокату</translation>
    </message>
    <message>
        <source>Internet shutdown or censorship</source>
        <translation>Отключение интернета или цензура</translation>
    </message>
    <message>
        <source>Harassment</source>
        <translation>Преследование</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Source text</source>
        <translation>Текст источника</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Пострадавший</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Свидетель</translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation>Нарушитель</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Передано</translation>
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
        <translation>Защищённый автономный архив доказательств нарушений прав человека.</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>Start an encrypted archive on this computer or on an external drive.</source>
        <translation>Зашифрованный архив на этом компьютере или на внешнем диске.</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <source>Choose the folder of a vault you already have.</source>
        <translation>Выберите папку уже существующего хранилища.</translation>
    </message>
    <message>
        <source>Open the demo vault</source>
        <translation>Открыть демо-хранилище</translation>
    </message>
    <message>
        <source>Try kzarchive with sample records of the January 2022 events.</source>
        <translation>Попробуйте kzarchive на примерах записей о январских событиях 2022 года.</translation>
    </message>
    <message>
        <source>The demo vault&apos;s passphrase is {passphrase}. It is shown to everyone, so never keep real evidence in the demo vault.</source>
        <translation>Парольная фраза демо-хранилища: {passphrase}. Она известна всем, поэтому никогда не храните в нём настоящие доказательства.</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Версия {version}</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Выберите папку хранилища</translation>
    </message>
    <message>
        <source>Opening the demo vault (the first time, it is built)…</source>
        <translation>Открываю демо-хранилище (в первый раз оно создаётся)…</translation>
    </message>
</context>
</TS>
