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
    <name>EvidencePanel</name>
    <message numerus="yes">
        <source>Attached: {n} of %n file(s).</source>
        <translation>
            <numerusform>Attached: {n} of %n file.</numerusform>
            <numerusform>Attached: {n} of %n files.</numerusform>
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
    <name>VerifyDialog</name>
    <message numerus="yes">
        <source>complete and unaltered (%n entry(s))</source>
        <translation>
            <numerusform>complete and unaltered (%n entry)</numerusform>
            <numerusform>complete and unaltered (%n entries)</numerusform>
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
</context>
</TS>
