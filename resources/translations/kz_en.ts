<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BundleDialog</name>
    <message numerus="yes">
        <source>Received earlier from {origin}: %n entry(s)</source>
        <translation>
            <numerusform>Received earlier from {origin}: %n entry</numerusform>
            <numerusform>Received earlier from {origin}: %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new incident(s)</source>
        <translation>
            <numerusform>%n new incident</numerusform>
            <numerusform>%n new incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n new item</numerusform>
            <numerusform>%n new items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BundleReportText</name>
    <message numerus="yes">
        <source>The custody log up to entry %n existed by {time} ({authority}; {checked}).</source>
        <translation>
            <numerusform>The custody log up to entry %n existed by {time} ({authority}; {checked}).</numerusform>
            <numerusform>The custody log up to entry %n existed by {time} ({authority}; {checked}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} item(s)</source>
        <translation>
            <numerusform>%n of {total} item</numerusform>
            <numerusform>%n of {total} items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not addressed to this vault: its signer made it for %n other recipient(s), and it was passed on (forwarded).</source>
        <translation>
            <numerusform>Not addressed to this vault: its signer made it for %n other recipient, and it was passed on (forwarded).</numerusform>
            <numerusform>Not addressed to this vault: its signer made it for %n other recipients, and it was passed on (forwarded).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Describes %n evidence file(s).</source>
        <translation>
            <numerusform>Describes %n evidence file.</numerusform>
            <numerusform>Describes %n evidence files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s), each matching its hash.</source>
        <translation>
            <numerusform>%n entry, each matching its hash.</numerusform>
            <numerusform>%n entries, each matching its hash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every entry is in the signed log of %n entry(s).</source>
        <translation>
            <numerusform>Every entry is in the signed log of %n entry.</numerusform>
            <numerusform>Every entry is in the signed log of %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) from {origin}, signed and unbroken</source>
        <translation>
            <numerusform>%n entry from {origin}, signed and unbroken</numerusform>
            <numerusform>%n entries from {origin}, signed and unbroken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), {size}</source>
        <translation>
            <numerusform>%n file, {size}</numerusform>
            <numerusform>%n files, {size}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>about %n second left</numerusform>
            <numerusform>about %n seconds left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attached: {n} of %n file(s).</source>
        <translation>
            <numerusform>Attached: {n} of %n file.</numerusform>
            <numerusform>Attached: {n} of %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Already in this incident, not added again: %n file(s) ({names}).</source>
        <translation>
            <numerusform>Already in this incident, not added again: %n file ({names}).</numerusform>
            <numerusform>Already in this incident, not added again: %n files ({names}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were already held in other incidents: stored once, and linked to this incident too.</source>
        <translation>
            <numerusform>%n file was already held in other incidents: stored once, and linked to this incident too.</numerusform>
            <numerusform>%n files were already held in other incidents: stored once, and linked to this incident too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SaveReportDialog</name>
    <message numerus="yes">
        <source>A printable report (PDF) of %n incident(s): every item is read and compared with its SHA-256 and the custody log is checked first. It lists the verdict, every item with its SHA-256, the custody timeline and how to check it all again.</source>
        <translation>
            <numerusform>A printable report (PDF) of %n incident: every item is read and compared with its SHA-256 and the custody log is checked first. It lists the verdict, every item with its SHA-256, the custody timeline and how to check it all again.</numerusform>
            <numerusform>A printable report (PDF) of %n incidents: every item is read and compared with its SHA-256 and the custody log is checked first. It lists the verdict, every item with its SHA-256, the custody timeline and how to check it all again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved to {path}: %n page(s). Every page carries this hash: {sha}</source>
        <translation>
            <numerusform>Saved to {path}: %n page. Every page carries this hash: {sha}</numerusform>
            <numerusform>Saved to {path}: %n pages. Every page carries this hash: {sha}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentPanel</name>
    <message numerus="yes">
        <source>Received and verified: %n file(s)</source>
        <translation>
            <numerusform>Received and verified: %n file</numerusform>
            <numerusform>Received and verified: %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received and verified, with %n warning(s)</source>
        <translation>
            <numerusform>Received and verified, with %n warning</numerusform>
            <numerusform>Received and verified, with %n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message numerus="yes">
        <source>GPS positions: inside %n original photo(s); left out of the descriptions</source>
        <translation>
            <numerusform>GPS positions: inside %n original photo; left out of the descriptions</numerusform>
            <numerusform>GPS positions: inside %n original photos; left out of the descriptions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrustedTimeDialog</name>
    <message numerus="yes">
        <source>%n request(s) not yet answered.</source>
        <translation>
            <numerusform>%n request not yet answered.</numerusform>
            <numerusform>%n requests not yet answered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time-stamp(s) kept earlier now verified with this CA certificate.</source>
        <translation>
            <numerusform>%n time-stamp kept earlier now verified with this CA certificate.</numerusform>
            <numerusform>%n time-stamps kept earlier now verified with this CA certificate.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message numerus="yes">
        <source>complete and unaltered (%n entry(s))</source>
        <translation>
            <numerusform>complete and unaltered (%n entry)</numerusform>
            <numerusform>complete and unaltered (%n entries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the custody log&apos;s %n entry(s) extend what was last recorded</source>
        <translation>
            <numerusform>the custody log&apos;s %n entry extends what was last recorded</numerusform>
            <numerusform>the custody log&apos;s %n entries extend what was last recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unaltered (%n entry(s))</source>
        <translation>
            <numerusform>unaltered (%n entry)</numerusform>
            <numerusform>unaltered (%n entries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) read, {size}, each matching its SHA-256</source>
        <translation>
            <numerusform>%n item read, {size}, matching its SHA-256</numerusform>
            <numerusform>%n items read, {size}, each matching its SHA-256</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) read, {size}; no file the vault does not know</source>
        <translation>
            <numerusform>%n item read, {size}; no file the vault does not know</numerusform>
            <numerusform>%n items read, {size}; no file the vault does not know</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) found that the vault does not know</source>
        <translation>
            <numerusform>%n file found that the vault does not know</numerusform>
            <numerusform>%n files found that the vault does not know</numerusform>
        </translation>
    </message>
</context>
</TS>
