<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_XA">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About this guide</source>
            <translation>[Áböút thîš gúîdé ~~~~]</translation>
        </message>
        <message>
            <source>Secondary Breast Cancer Guide</source>
            <translation>[Šéçöñdárý Bréášt Çáñçér Gúîdé ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Version {0}</source>
            <translation>[Véršîöñ {0} ~]</translation>
        </message>
        <message>
            <source>Plain-English information about secondary (metastatic) breast cancer, for patients, their families and the nurses who care for them.

This is general information, not advice about any one person. Your treatment team knows your situation best: ask them about anything to do with you.

Each topic names its sources and shows when it was last reviewed.</source>
            <translation>[Pláîñ-Éñglîšh îñförmátîöñ áböút šéçöñdárý (métáštátîç) bréášt çáñçér, för pátîéñtš, théîr fámîlîéš áñd thé ñúršéš whö çáré för thém.

Thîš îš géñérál îñförmátîöñ, ñöt ádvîçé áböút áñý öñé péršöñ. Ýöúr tréátméñt téám kñöwš ýöúr šîtúátîöñ béšt: ášk thém áböút áñýthîñg tö dö wîth ýöú.

Éáçh töpîç ñáméš îtš šöúrçéš áñd šhöwš whéñ ît wáš lášt révîéwéd. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çlöšé ~]</translation>
        </message>
        <message>
            <source>Content: {0}</source>
            <translation>[Çöñtéñt: {0} ~]</translation>
        </message>
        <message>
            <source>, published {0}</source>
            <translation>[, públîšhéd {0} ~~]</translation>
        </message>
        <message>
            <source>. Next review due {0}</source>
            <translation>[. Ñéxt révîéw dúé {0} ~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>There are no topics to show in {0}. A content folder holds its pages as Markdown files (.md), in a folder named “topics”. To see what is wrong with it, run: sbc-desktop check {0}</source>
            <translation>[Théré áré ñö töpîçš tö šhöw îñ {0}. Á çöñtéñt földér höldš îtš págéš áš Márkdöwñ fîléš (.md), îñ á földér ñáméd “töpîçš”. Tö šéé whát îš wröñg wîth ît, rúñ: šbç-déšktöp çhéçk {0} ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>No topics</source>
            <translation>[Ñö töpîçš ~]</translation>
        </message>
        <message>
            <source>The guide is already open on another computer ({0}), and keeps your notes there. Please close it there first. If that computer was switched off without closing the guide, the guide opens here again about 10 minutes later.</source>
            <translation>[Thé gúîdé îš álréádý öpéñ öñ áñöthér çömpútér ({0}), áñd kéépš ýöúr ñötéš théré. Pléášé çlöšé ît théré fîršt. Îf thát çömpútér wáš šwîtçhéd öff wîthöút çlöšîñg thé gúîdé, thé gúîdé öpéñš héré ágáîñ áböút 10 mîñútéš látér. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>The guide is already open on this computer. Please use the window that is open, so that your notes are kept in one place.</source>
            <translation>[Thé gúîdé îš álréádý öpéñ öñ thîš çömpútér. Pléášé úšé thé wîñdöw thát îš öpéñ, šö thát ýöúr ñötéš áré képt îñ öñé pláçé. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Already open</source>
            <translation>[Álréádý öpéñ ~~]</translation>
        </message>
        <message>
            <source>Secondary Breast Cancer Guide</source>
            <translation>[Šéçöñdárý Bréášt Çáñçér Gúîdé ~~~~~ ~~~]</translation>
        </message>
    </context>
    <context>
        <name>Appearance</name>
        <message>
            <source>Same as the computer</source>
            <translation>[Šámé áš thé çömpútér ~~~~~]</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>[Lîght ~]</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>[Dárk ~]</translation>
        </message>
        <message>
            <source>High contrast</source>
            <translation>[Hîgh çöñtrášt ~~~]</translation>
        </message>
    </context>
    <context>
        <name>AppointmentPanel</name>
        <message>
            <source>Date of my next appointment</source>
            <translation>[Dáté öf mý ñéxt áppöîñtméñt ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>[Ñöt šét ~]</translation>
        </message>
        <message>
            <source>Time of my next appointment</source>
            <translation>[Tîmé öf mý ñéxt áppöîñtméñt ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>[Çléár ~]</translation>
        </message>
        <message>
            <source>Clear the date and time</source>
            <translation>[Çléár thé dáté áñd tîmé ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>[Dáté ~]</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>[Tîmé ~]</translation>
        </message>
        <message>
            <source>Who I am seeing</source>
            <translation>[Whö Î ám šééîñg ~~~]</translation>
        </message>
        <message>
            <source>For example: Dr Patel, my cancer doctor</source>
            <translation>[För éxámplé: Dr Pátél, mý çáñçér döçtör ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Where the appointment is</source>
            <translation>[Whéré thé áppöîñtméñt îš ~~~~~ ~]</translation>
        </message>
        <message>
            <source>For example: Riverside Hospital, Clinic 4</source>
            <translation>[För éxámplé: Rîvéršîdé Höšpîtál, Çlîñîç 4 ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>[Whéré ~]</translation>
        </message>
        <message>
            <source>My appointment</source>
            <translation>[Mý áppöîñtméñt ~~~]</translation>
        </message>
        <message>
            <source>My next appointment</source>
            <translation>[Mý ñéxt áppöîñtméñt ~~~~~]</translation>
        </message>
        <message>
            <source>My notes</source>
            <translation>[Mý ñötéš ~]</translation>
        </message>
        <message>
            <source>Write what you want to remember, or to tell your doctor or nurse.</source>
            <translation>[Wrîté whát ýöú wáñt tö rémémbér, ör tö téll ýöúr döçtör ör ñúršé. ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Questions to ask</source>
            <translation>[Qúéštîöñš tö ášk ~~~~]</translation>
        </message>
        <message>
            <source>Tick the questions you want to ask. They go in your handout.</source>
            <translation>[Tîçk thé qúéštîöñš ýöú wáñt tö ášk. Théý gö îñ ýöúr háñdöút. ~~~~~ ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Suggested questions. Press Space to tick one.</source>
            <translation>[Šúggéštéd qúéštîöñš. Préšš Špáçé tö tîçk öñé. ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Your own question</source>
            <translation>[Ýöúr öwñ qúéštîöñ ~~~~]</translation>
        </message>
        <message>
            <source>Type your own question</source>
            <translation>[Týpé ýöúr öwñ qúéštîöñ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>[Ádd ~]</translation>
        </message>
        <message>
            <source>Add your question</source>
            <translation>[Ádd ýöúr qúéštîöñ ~~~~]</translation>
        </message>
        <message>
            <source>Your own questions</source>
            <translation>[Ýöúr öwñ qúéštîöñš ~~~~~]</translation>
        </message>
        <message>
            <source>Remove question</source>
            <translation>[Rémövé qúéštîöñ ~~~]</translation>
        </message>
        <message>
            <source>Remove the selected question</source>
            <translation>[Rémövé thé šéléçtéd qúéštîöñ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Since my last appointment</source>
            <translation>[Šîñçé mý lášt áppöîñtméñt ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Topics in my handout</source>
            <translation>[Töpîçš îñ mý háñdöút ~~~~~]</translation>
        </message>
        <message>
            <source>Add this topic</source>
            <translation>[Ádd thîš töpîç ~~~]</translation>
        </message>
        <message>
            <source>Add this topic to my handout</source>
            <translation>[Ádd thîš töpîç tö mý háñdöút ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>[Mövé úp ~]</translation>
        </message>
        <message>
            <source>Move the topic up</source>
            <translation>[Mövé thé töpîç úp ~~~~]</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>[Mövé döwñ ~]</translation>
        </message>
        <message>
            <source>Move the topic down</source>
            <translation>[Mövé thé töpîç döwñ ~~~~~]</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>[Rémövé ~]</translation>
        </message>
        <message>
            <source>Remove the topic from the handout</source>
            <translation>[Rémövé thé töpîç fröm thé háñdöút ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Print or save</source>
            <translation>[Prîñt ör šávé ~~~]</translation>
        </message>
        <message>
            <source>Large print</source>
            <translation>[Lárgé prîñt ~~]</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>[Prévîéw ~]</translation>
        </message>
        <message>
            <source>Preview the handout</source>
            <translation>[Prévîéw thé háñdöút ~~~~~]</translation>
        </message>
        <message>
            <source>Print...</source>
            <translation>[Prîñt... ~]</translation>
        </message>
        <message>
            <source>Print the handout</source>
            <translation>[Prîñt thé háñdöút ~~~~]</translation>
        </message>
        <message>
            <source>Save as PDF...</source>
            <translation>[Šávé áš PDF... ~~~]</translation>
        </message>
        <message>
            <source>Save the handout as a file</source>
            <translation>[Šávé thé háñdöút áš á fîlé ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Clear my notes</source>
            <translation>[Çléár mý ñötéš ~~~]</translation>
        </message>
        <message>
            <source>Clear all my notes and questions</source>
            <translation>[Çléár áll mý ñötéš áñd qúéštîöñš ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>For your {places}</source>
            <translation>[För ýöúr {places} ~]</translation>
        </message>
        <message>
            <source>Suggested questions</source>
            <translation>[Šúggéštéd qúéštîöñš ~~~~~]</translation>
        </message>
        <message>
            <source>About this topic: {title}</source>
            <translation>[Áböút thîš töpîç: {title} ~~~~~]</translation>
        </message>
        <message>
            <source>Ticked on other pages</source>
            <translation>[Tîçkéd öñ öthér págéš ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Clear all your notes, questions, appointment details, log and handout topics? This cannot be undone.</source>
            <translation>[Çléár áll ýöúr ñötéš, qúéštîöñš, áppöîñtméñt détáîlš, lög áñd háñdöút töpîçš? Thîš çáññöt bé úñdöñé. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Tick your top three: the questions that matter most to you. They come first in your handout.</source>
            <translation>[Tîçk ýöúr töp thréé: thé qúéštîöñš thát máttér möšt tö ýöú. Théý çömé fîršt îñ ýöúr háñdöút. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>My top three questions. Press Space to tick one.</source>
            <translation>[Mý töp thréé qúéštîöñš. Préšš Špáçé tö tîçk öñé. ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>You have ticked three already. Untick one to choose another.</source>
            <translation>[Ýöú hávé tîçkéd thréé álréádý. Úñtîçk öñé tö çhööšé áñöthér. ~~~~~ ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>{count} of 3 ticked.</source>
            <translation>[{count} öf 3 tîçkéd. ~~~]</translation>
        </message>
        <message>
            <source>− 1 hour</source>
            <translation>[− 1 höúr ~]</translation>
        </message>
        <message>
            <source>An hour earlier</source>
            <translation>[Áñ höúr éárlîér ~~~]</translation>
        </message>
        <message>
            <source>+ 1 hour</source>
            <translation>[+ 1 höúr ~]</translation>
        </message>
        <message>
            <source>An hour later</source>
            <translation>[Áñ höúr látér ~~~]</translation>
        </message>
        <message>
            <source>− 5 min</source>
            <translation>[− 5 mîñ ~]</translation>
        </message>
        <message>
            <source>5 minutes earlier</source>
            <translation>[5 mîñútéš éárlîér ~~~~]</translation>
        </message>
        <message>
            <source>+ 5 min</source>
            <translation>[+ 5 mîñ ~]</translation>
        </message>
        <message>
            <source>5 minutes later</source>
            <translation>[5 mîñútéš látér ~~~]</translation>
        </message>
        <message>
            <source>Time {time}</source>
            <translation>[Tîmé {time} ~]</translation>
        </message>
    </context>
    <context>
        <name>DateBox</name>
        <message>
            <source>Choose a day</source>
            <translation>[Çhööšé á dáý ~~]</translation>
        </message>
        <message>
            <source>Arrow keys move by day and week, Page Up and Page Down by month. Enter picks the day, Escape closes.</source>
            <translation>[Árröw kéýš mövé bý dáý áñd wéék, Págé Úp áñd Págé Döwñ bý möñth. Éñtér pîçkš thé dáý, Éšçápé çlöšéš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Previous month</source>
            <translation>[Prévîöúš möñth ~~~]</translation>
        </message>
        <message>
            <source>Next month</source>
            <translation>[Ñéxt möñth ~]</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>[Ýéár ~]</translation>
        </message>
        <message>
            <source>Month: {month}</source>
            <translation>[Möñth: {month} ~]</translation>
        </message>
        <message>
            <source>Year: {year}</source>
            <translation>[Ýéár: {year} ~]</translation>
        </message>
    </context>
    <context>
        <name>Disk</name>
        <message>
            <source>The disk is full. Make some space (for example, empty the wastebasket) and try again.</source>
            <translation>[Thé dîšk îš fúll. Máké šömé špáçé (för éxámplé, émptý thé wáštébáškét) áñd trý ágáîñ. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>The disk can only be read, not written to.</source>
            <translation>[Thé dîšk çáñ öñlý bé réád, ñöt wrîttéñ tö. ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>This computer does not allow saving there.</source>
            <translation>[Thîš çömpútér döéš ñöt állöw šávîñg théré. ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>The folder does not exist.</source>
            <translation>[Thé földér döéš ñöt éxîšt. ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>A file is in the way, where a folder should be.</source>
            <translation>[Á fîlé îš îñ thé wáý, whéré á földér šhöúld bé. ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>The name of the file or folder is too long.</source>
            <translation>[Thé ñámé öf thé fîlé ör földér îš töö löñg. ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>The disk could not be written to (it may be failing or unplugged).</source>
            <translation>[Thé dîšk çöúld ñöt bé wrîttéñ tö (ît máý bé fáîlîñg ör úñplúggéd). ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in this page</source>
            <translation>[Fîñd îñ thîš págé ~~~~]</translation>
        </message>
        <message>
            <source>Clear the words to find</source>
            <translation>[Çléár thé wördš tö fîñd ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>[Prévîöúš ~]</translation>
        </message>
        <message>
            <source>Previous match</source>
            <translation>[Prévîöúš mátçh ~~~]</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>[Ñéxt ~]</translation>
        </message>
        <message>
            <source>Next match</source>
            <translation>[Ñéxt mátçh ~]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çlöšé ~]</translation>
        </message>
        <message>
            <source>Close find</source>
            <translation>[Çlöšé fîñd ~]</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>[Šéárçhîñg… ~]</translation>
        </message>
        <message>
            <source>{current} of {total} so far</source>
            <translation>[{current} öf {total} šö fár ~~]</translation>
        </message>
        <message>
            <source>Not found</source>
            <translation>[Ñöt föúñd ~]</translation>
        </message>
        <message>
            <source>{current} of {total}</source>
            <translation>[{current} öf {total} ~]</translation>
        </message>
    </context>
    <context>
        <name>FindInPage</name>
        <message numerus="yes">
            <source>Not in this part. Found %n times in other parts: press Next</source>
            <translation>
                <numerusform>[Ñöt îñ thîš párt. Föúñd %n tîmé îñ öthér pártš: préšš Ñéxt ~~~~~ ~~~~~ ~~~~~ ~~]</numerusform>
                <numerusform>[Ñöt îñ thîš párt. Föúñd %n tîméš îñ öthér pártš: préšš Ñéxt ~~~~~ ~~~~~ ~~~~~ ~~]</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Fitted</name>
        <message>
            <source>for you: it matters for your {places}</source>
            <translation>[för ýöú: ît máttérš för ýöúr {places} ~~~~~ ~~~]</translation>
        </message>
        <message numerus="yes">
            <source>%n topics for your {places} are marked {marker} in the list.</source>
            <translation>
                <numerusform>[%n töpîç för ýöúr {places} îš márkéd {marker} îñ thé lîšt. ~~~~~ ~~~~~ ~]</numerusform>
                <numerusform>[%n töpîçš för ýöúr {places} áré márkéd {marker} îñ thé lîšt. ~~~~~ ~~~~~ ~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Every topic is shown the same way.</source>
            <translation>[Évérý töpîç îš šhöwñ thé šámé wáý. ~~~~~ ~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>GlossaryFind</name>
        <message>
            <source>{current} of {total} under {letter}, {more} more under other letters</source>
            <translation>[{current} öf {total} úñdér {letter}, {more} möré úñdér öthér léttérš ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Not in the glossary. Try the Search box at the top</source>
            <translation>[Ñöt îñ thé glöššárý. Trý thé Šéárçh böx át thé töp ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Not in the glossary. Try Search (Ctrl+K)</source>
            <translation>[Ñöt îñ thé glöššárý. Trý Šéárçh (Çtrl+K) ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Not under {letter}. Found under {letters}: press Next</source>
            <translation>[Ñöt úñdér {letter}. Föúñd úñdér {letters}: préšš Ñéxt ~~~~~ ~~~~~ ~]</translation>
        </message>
    </context>
    <context>
        <name>GlossaryPopup</name>
        <message>
            <source>Meaning of a word</source>
            <translation>[Méáñîñg öf á wörd ~~~~]</translation>
        </message>
        <message>
            <source>Read aloud</source>
            <translation>[Réád álöúd ~]</translation>
        </message>
        <message>
            <source>Read the meaning aloud</source>
            <translation>[Réád thé méáñîñg álöúd ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çlöšé ~]</translation>
        </message>
        <message>
            <source>Close the meaning</source>
            <translation>[Çlöšé thé méáñîñg ~~~~]</translation>
        </message>
        <message>
            <source>Read more: {title}</source>
            <translation>[Réád möré: {title} ~~]</translation>
        </message>
        <message>
            <source>Read more about {term}</source>
            <translation>[Réád möré áböút {term} ~~~~]</translation>
        </message>
        <message>
            <source>Meaning of {term}</source>
            <translation>[Méáñîñg öf {term} ~~]</translation>
        </message>
    </context>
    <context>
        <name>Handout</name>
        <message>
            <source>My appointment notes and information</source>
            <translation>[Mý áppöîñtméñt ñötéš áñd îñförmátîöñ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>My notes</source>
            <translation>[Mý ñötéš ~]</translation>
        </message>
        <message>
            <source>My notes and questions</source>
            <translation>[Mý ñötéš áñd qúéštîöñš ~~~~~ ~]</translation>
        </message>
        <message>
            <source>What the medical words mean</source>
            <translation>[Whát thé médîçál wördš méáñ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>This is general information, not advice about you. Ask your treatment team about your own care.</source>
            <translation>[Thîš îš géñérál îñförmátîöñ, ñöt ádvîçé áböút ýöú. Ášk ýöúr tréátméñt téám áböút ýöúr öwñ çáré. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Clinic or team</source>
            <translation>[Çlîñîç ör téám ~~~]</translation>
        </message>
        <message>
            <source>Clinic phone (office hours)</source>
            <translation>[Çlîñîç phöñé (öffîçé höúrš) ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>My specialist nurse</source>
            <translation>[Mý špéçîálîšt ñúršé ~~~~~]</translation>
        </message>
        <message>
            <source>Specialist nurse's phone</source>
            <translation>[Špéçîálîšt ñúršé'š phöñé ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Urgent help, day and night</source>
            <translation>[Úrgéñt hélp, dáý áñd ñîght ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>My care team</source>
            <translation>[Mý çáré téám ~~]</translation>
        </message>
        <message>
            <source>Printed on {date}</source>
            <translation>[Prîñtéd öñ {date} ~~]</translation>
        </message>
        <message>
            <source>Content: {version}, next review due {date}</source>
            <translation>[Çöñtéñt: {version}, ñéxt révîéw dúé {date} ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Content: {version}</source>
            <translation>[Çöñtéñt: {version} ~]</translation>
        </message>
        <message>
            <source>When</source>
            <translation>[Whéñ ~]</translation>
        </message>
        <message>
            <source>Who I am seeing</source>
            <translation>[Whö Î ám šééîñg ~~~]</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>[Whéré ~]</translation>
        </message>
        <message>
            <source>My next appointment</source>
            <translation>[Mý ñéxt áppöîñtméñt ~~~~~]</translation>
        </message>
        <message>
            <source>For my appointment on {date}</source>
            <translation>[För mý áppöîñtméñt öñ {date} ~~~~~ ~]</translation>
        </message>
        <message>
            <source>{date} at {time}</source>
            <translation>[{date} át {time} ~]</translation>
        </message>
        <message>
            <source>Questions to ask</source>
            <translation>[Qúéštîöñš tö ášk ~~~~]</translation>
        </message>
        <message>
            <source>My top three are ticked: the questions that matter most to me. They come first.</source>
            <translation>[Mý töp thréé áré tîçkéd: thé qúéštîöñš thát máttér möšt tö mé. Théý çömé fîršt. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Tick your top three: the questions that matter most to you. Ask those first.</source>
            <translation>[Tîçk ýöúr töp thréé: thé qúéštîöñš thát máttér möšt tö ýöú. Ášk thöšé fîršt. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>My top three</source>
            <translation>[Mý töp thréé ~~]</translation>
        </message>
        <message>
            <source>My other questions</source>
            <translation>[Mý öthér qúéštîöñš ~~~~~]</translation>
        </message>
        <message>
            <source>To my doctor or nurse: please can we go through these questions together?</source>
            <translation>[Tö mý döçtör ör ñúršé: pléášé çáñ wé gö thröúgh théšé qúéštîöñš tögéthér? ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Since my last appointment</source>
            <translation>[Šîñçé mý lášt áppöîñtméñt ~~~~~ ~]</translation>
        </message>
        <message>
            <source>What I have noticed since I was last seen. How bad: 0 means no trouble, 10 the worst I can imagine.</source>
            <translation>[Whát Î hávé ñötîçéd šîñçé Î wáš lášt šééñ. Höw bád: 0 méáñš ñö tröúblé, 10 thé wöršt Î çáñ îmágîñé. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>[Dáté ~]</translation>
        </message>
        <message>
            <source>What I noticed</source>
            <translation>[Whát Î ñötîçéd ~~~]</translation>
        </message>
        <message>
            <source>How bad (0-10)</source>
            <translation>[Höw bád (0-10) ~~~]</translation>
        </message>
        <message>
            <source>What helped</source>
            <translation>[Whát hélpéd ~~]</translation>
        </message>
        <message>
            <source>If you feel very unwell, do not wait for your appointment. Ring {phone} at any time.</source>
            <translation>[Îf ýöú féél vérý úñwéll, dö ñöt wáît för ýöúr áppöîñtméñt. Rîñg {phone} át áñý tîmé. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>If you feel very unwell, do not wait for your appointment. Ring your care team straight away.</source>
            <translation>[Îf ýöú féél vérý úñwéll, dö ñöt wáît för ýöúr áppöîñtméñt. Rîñg ýöúr çáré téám štráîght áwáý. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>“{name}” is too long to print at once: it would fill more than 700 pages. Nothing was printed or saved: make the handout without it.</source>
            <translation>[“{name}” îš töö löñg tö prîñt át öñçé: ît wöúld fîll möré tháñ 700 págéš. Ñöthîñg wáš prîñtéd ör šávéd: máké thé háñdöút wîthöút ît. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Could not start printing on this device.</source>
            <translation>[Çöúld ñöt štárt prîñtîñg öñ thîš dévîçé. ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>[Págé {page} öf {pages} ~]</translation>
        </message>
        <message numerus="yes">
            <source>Pages {chosen} are not in this handout: it ends at page %n. Choose pages 1 to %n.</source>
            <translation>
                <numerusform>[Págéš {chosen} áré ñöt îñ thîš háñdöút: ît háš öñlý %n págé. Çhööšé págé %n. ~~~~~ ~~~~~ ~~~~~ ~~~~~]</numerusform>
                <numerusform>[Págéš {chosen} áré ñöt îñ thîš háñdöút: ît éñdš át págé %n. Çhööšé págéš 1 tö %n. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</numerusform>
            </translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>[Thé földér {folder} döéš ñöt éxîšt. ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>[Picture: {description}]</source>
            <translation>[[Pîçtúré: {description}] ~~]</translation>
        </message>
        <message>
            <source>The printer is still busy. Please try again in a minute.</source>
            <translation>[Thé prîñtér îš štîll búšý. Pléášé trý ágáîñ îñ á mîñúté. ~~~~~ ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>A handout is still being made. Wait for it to finish, or cancel it first.</source>
            <translation>[Á háñdöút îš štîll béîñg mádé. Wáît för ît tö fîñîšh, ör çáñçél ît fîršt. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Preparing the preview</source>
            <translation>[Prépárîñg thé prévîéw ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Could not show the preview</source>
            <translation>[Çöúld ñöt šhöw thé prévîéw ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>The preview was cancelled.</source>
            <translation>[Thé prévîéw wáš çáñçélléd. ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Handout preview</source>
            <translation>[Háñdöút prévîéw ~~~]</translation>
        </message>
        <message>
            <source>Print the handout</source>
            <translation>[Prîñt thé háñdöút ~~~~]</translation>
        </message>
        <message>
            <source>The handout was sent to the printer.</source>
            <translation>[Thé háñdöút wáš šéñt tö thé prîñtér. ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Printing the handout</source>
            <translation>[Prîñtîñg thé háñdöút ~~~~~]</translation>
        </message>
        <message>
            <source>Could not print</source>
            <translation>[Çöúld ñöt prîñt ~~~]</translation>
        </message>
        <message>
            <source>Printing was cancelled.</source>
            <translation>[Prîñtîñg wáš çáñçélléd. ~~~~~ ~]</translation>
        </message>
        <message>
            <source>The handout was printed to the file {path}</source>
            <translation>[Thé háñdöút wáš prîñtéd tö thé fîlé {path} ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>The handout could not be printed to the file {path}.

{reason}

A file that was there before is as it was. Try another folder, such as Documents.</source>
            <translation>[Thé háñdöút çöúld ñöt bé prîñtéd tö thé fîlé {path}.

{reason}

Á fîlé thát wáš théré béföré îš áš ît wáš. Trý áñöthér földér, šúçh áš Döçúméñtš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Printing was cancelled. Nothing was written to {path}</source>
            <translation>[Prîñtîñg wáš çáñçélléd. Ñöthîñg wáš wrîttéñ tö {path} ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Printing the handout to a file</source>
            <translation>[Prîñtîñg thé háñdöút tö á fîlé ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>No printer</source>
            <translation>[Ñö prîñtér ~]</translation>
        </message>
        <message>
            <source>No printer is set up on this computer.</source>
            <translation>[Ñö prîñtér îš šét úp öñ thîš çömpútér. ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>You can save the handout as a PDF file instead, and print it later.</source>
            <translation>[Ýöú çáñ šávé thé háñdöút áš á PDF fîlé îñštéád, áñd prîñt ît látér. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Save as PDF...</source>
            <translation>[Šávé áš PDF... ~~~]</translation>
        </message>
        <message>
            <source>Please ask a member of staff.</source>
            <translation>[Pléášé ášk á mémbér öf štáff. ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>my-appointment-handout.pdf</source>
            <translation>[mý-áppöîñtméñt-háñdöút.pdf ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Save the handout</source>
            <translation>[Šávé thé háñdöút ~~~~]</translation>
        </message>
        <message>
            <source>Handout saved</source>
            <translation>[Háñdöút šávéd ~~~]</translation>
        </message>
        <message>
            <source>Your handout is saved in {folder} as {name}.</source>
            <translation>[Ýöúr háñdöút îš šávéd îñ {folder} áš {name}. ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Open it</source>
            <translation>[Öpéñ ît ~]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çlöšé ~]</translation>
        </message>
        <message>
            <source>Could not open the handout</source>
            <translation>[Çöúld ñöt öpéñ thé háñdöút ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>No program on this computer would open {name}. It is saved in {folder}.</source>
            <translation>[Ñö prögrám öñ thîš çömpútér wöúld öpéñ {name}. Ît îš šávéd îñ {folder}. ~~~~~ ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Could not save the handout</source>
            <translation>[Çöúld ñöt šávé thé háñdöút ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Your notes are safe.</source>
            <translation>[Ýöúr ñötéš áré šáfé. ~~~~~]</translation>
        </message>
        <message>
            <source>The handout could not be saved to {path}.

{reason}

Your notes are safe. Try another folder, such as Documents.</source>
            <translation>[Thé háñdöút çöúld ñöt bé šávéd tö {path}.

{reason}

Ýöúr ñötéš áré šáfé. Trý áñöthér földér, šúçh áš Döçúméñtš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Saving was cancelled. Nothing was saved to {path}</source>
            <translation>[Šávîñg wáš çáñçélléd. Ñöthîñg wáš šávéd tö {path} ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Saving the handout</source>
            <translation>[Šávîñg thé háñdöút ~~~~~]</translation>
        </message>
        <message>
            <source>Saved the handout to {path}</source>
            <translation>[Šávéd thé háñdöút tö {path} ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çáñçél ~]</translation>
        </message>
        <message>
            <source>Cancel: stop making the handout</source>
            <translation>[Çáñçél: štöp mákîñg thé háñdöút ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>sending page {page} of {pages} to the printer</source>
            <translation>[šéñdîñg págé {page} öf {pages} tö thé prîñtér ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>page {page} of {pages}</source>
            <translation>[págé {page} öf {pages} ~]</translation>
        </message>
        <message>
            <source>setting out the pages</source>
            <translation>[šéttîñg öút thé págéš ~~~~~ ~]</translation>
        </message>
        <message>
            <source>{doing}. This can take a minute. Press Escape to cancel it.</source>
            <translation>[{doing}. Thîš çáñ táké á mîñúté. Préšš Éšçápé tö çáñçél ît. ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>The pages are going to the printer: this cannot be stopped now.</source>
            <translation>[Thé págéš áré göîñg tö thé prîñtér: thîš çáññöt bé štöppéd ñöw. ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>Kiosk</name>
        <message>
            <source>Are you still reading?</source>
            <translation>[Áré ýöú štîll réádîñg? ~~~~~ ~]</translation>
        </message>
        <message>
            <source>I'm still reading</source>
            <translation>[Î'm štîll réádîñg ~~~~]</translation>
        </message>
        <message numerus="yes">
            <source>Are you still reading?

To keep everyone's information private, this screen will be cleared in %n seconds.</source>
            <translation>
                <numerusform>[Áré ýöú štîll réádîñg?

Tö kéép évérýöñé'š îñförmátîöñ prîváté, thîš šçrééñ wîll bé çléáréd îñ %n šéçöñd. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~]</numerusform>
                <numerusform>[Áré ýöú štîll réádîñg?

Tö kéép évérýöñé'š îñförmátîöñ prîváté, thîš šçrééñ wîll bé çléáréd îñ %n šéçöñdš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Finish and clear</source>
            <translation>[Fîñîšh áñd çléár ~~~~]</translation>
        </message>
        <message>
            <source>Clear everything you did, for the next person</source>
            <translation>[Çléár évérýthîñg ýöú dîd, för thé ñéxt péršöñ ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Print my handout</source>
            <translation>[Prîñt mý háñdöút ~~~~]</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>[Štáff ~]</translation>
        </message>
        <message>
            <source>Clear your notes, questions and everything you looked at, ready for the next person?</source>
            <translation>[Çléár ýöúr ñötéš, qúéštîöñš áñd évérýthîñg ýöú löökéd át, réádý för thé ñéxt péršöñ? ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>First, take my notes home on my phone</source>
            <translation>[Fîršt, táké mý ñötéš hömé öñ mý phöñé ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Yes, clear everything</source>
            <translation>[Ýéš, çléár évérýthîñg ~~~~~ ~]</translation>
        </message>
        <message>
            <source>No, keep reading</source>
            <translation>[Ñö, kéép réádîñg ~~~~]</translation>
        </message>
        <message>
            <source>Printing</source>
            <translation>[Prîñtîñg ~]</translation>
        </message>
        <message>
            <source>Sorry, it could not be printed. Please ask a member of staff.</source>
            <translation>[Šörrý, ît çöúld ñöt bé prîñtéd. Pléášé ášk á mémbér öf štáff. ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>the printer</source>
            <translation>[thé prîñtér ~~]</translation>
        </message>
        <message>
            <source>Your page is printing. Collect it from {0}.</source>
            <translation>[Ýöúr págé îš prîñtîñg. Çölléçt ît fröm {0}. ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Printing is not available on this screen. Please ask a member of staff if you would like a copy.</source>
            <translation>[Prîñtîñg îš ñöt áváîláblé öñ thîš šçrééñ. Pléášé ášk á mémbér öf štáff îf ýöú wöúld lîké á çöpý. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Sorry, the handout could not be printed. Please ask a member of staff.</source>
            <translation>[Šörrý, thé háñdöút çöúld ñöt bé prîñtéd. Pléášé ášk á mémbér öf štáff. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Your handout is printing. Collect it from {0}.</source>
            <translation>[Ýöúr háñdöút îš prîñtîñg. Çölléçt ît fröm {0}. ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Printing your handout</source>
            <translation>[Prîñtîñg ýöúr háñdöút ~~~~~ ~]</translation>
        </message>
        <message>
            <source>This screen has no staff PIN, so staff cannot unlock it here.</source>
            <translation>[Thîš šçrééñ háš ñö štáff PÎÑ, šö štáff çáññöt úñlöçk ît héré. ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>No staff PIN has been set for this screen, so it cannot be unlocked here. Please tell the person who looks after this screen.</source>
            <translation>[Ñö štáff PÎÑ háš bééñ šét för thîš šçrééñ, šö ît çáññöt bé úñlöçkéd héré. Pléášé téll thé péršöñ whö löökš áftér thîš šçrééñ. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. Try again in %n seconds.</source>
            <translation>
                <numerusform>[Töö máñý wröñg PÎÑš. Trý ágáîñ îñ %n šéçöñd. ~~~~~ ~~~~~ ~~]</numerusform>
                <numerusform>[Töö máñý wröñg PÎÑš. Trý ágáîñ îñ %n šéçöñdš. ~~~~~ ~~~~~ ~~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>That PIN is not right.</source>
            <translation>[Thát PÎÑ îš ñöt rîght. ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Staff options</source>
            <translation>[Štáff öptîöñš ~~~]</translation>
        </message>
        <message>
            <source>Exit the kiosk</source>
            <translation>[Éxît thé kîöšk ~~~]</translation>
        </message>
        <message>
            <source>Clinic details...</source>
            <translation>[Çlîñîç détáîlš... ~~~~]</translation>
        </message>
        <message>
            <source>Clean the screen (30 seconds)</source>
            <translation>[Çléáñ thé šçrééñ (30 šéçöñdš) ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Back to the guide</source>
            <translation>[Báçk tö thé gúîdé ~~~~]</translation>
        </message>
        <message>
            <source>Content updates: {0}</source>
            <translation>[Çöñtéñt úpdátéš: {0} ~~~~]</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>[ÖK ~]</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>[Štáff PÎÑ ~]</translation>
        </message>
        <message>
            <source>Staff: enter the PIN to unlock.</source>
            <translation>[Štáff: éñtér thé PÎÑ tö úñlöçk. ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>[Délété ~]</translation>
        </message>
        <message>
            <source>Delete the last digit</source>
            <translation>[Délété thé lášt dîgît ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>[Úñlöçk ~]</translation>
        </message>
        <message>
            <source>Clinic details</source>
            <translation>[Çlîñîç détáîlš ~~~]</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>[Šávé ~]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çáñçél ~]</translation>
        </message>
        <message>
            <source>A page on another website</source>
            <translation>[Á págé öñ áñöthér wébšîté ~~~~~ ~]</translation>
        </message>
        <message>
            <source>This guide cannot open other websites here. The address is too long for a code to scan; you can copy it down:</source>
            <translation>[Thîš gúîdé çáññöt öpéñ öthér wébšîtéš héré. Thé áddréšš îš töö löñg för á çödé tö šçáñ; ýöú çáñ çöpý ît döwñ: ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>This guide cannot open other websites here. To read this page, scan the code with your phone's camera, or copy down the address:</source>
            <translation>[Thîš gúîdé çáññöt öpéñ öthér wébšîtéš héré. Tö réád thîš págé, šçáñ thé çödé wîth ýöúr phöñé'š çámérá, ör çöpý döwñ thé áddréšš: ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>QR code for {0}</source>
            <translation>[QR çödé för {0} ~~]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çlöšé ~]</translation>
        </message>
        <message>
            <source>Cleaning the screen</source>
            <translation>[Çléáñîñg thé šçrééñ ~~~~~]</translation>
        </message>
        <message numerus="yes">
            <source>Touches are ignored while the screen is cleaned. Back in %n seconds.</source>
            <translation>
                <numerusform>[Töúçhéš áré îgñöréd whîlé thé šçrééñ îš çléáñéd. Báçk îñ %n šéçöñd. ~~~~~ ~~~~~ ~~~~~ ~~~~~]</numerusform>
                <numerusform>[Töúçhéš áré îgñöréd whîlé thé šçrééñ îš çléáñéd. Báçk îñ %n šéçöñdš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Take it home on your phone</source>
            <translation>[Táké ît hömé öñ ýöúr phöñé ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Open your phone's camera and point it at the code. Your phone shows your questions, notes and topics as text that you can copy or save. Nothing is kept on this screen.</source>
            <translation>[Öpéñ ýöúr phöñé'š çámérá áñd pöîñt ît át thé çödé. Ýöúr phöñé šhöwš ýöúr qúéštîöñš, ñötéš áñd töpîçš áš téxt thát ýöú çáñ çöpý ör šávé. Ñöthîñg îš képt öñ thîš šçrééñ. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message numerus="yes">
            <source>Your notes are too long for the codes: the last %n lines are left out. Please copy them down or ask for a print.</source>
            <translation>
                <numerusform>[Ýöúr ñötéš áré töö löñg för thé çödéš: thé lášt %n lîñé îš léft öút. Pléášé çöpý ît döwñ ör ášk för á prîñt. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</numerusform>
                <numerusform>[Ýöúr ñötéš áré töö löñg för thé çödéš: thé lášt %n lîñéš áré léft öút. Pléášé çöpý thém döwñ ör ášk för á prîñt. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Next code</source>
            <translation>[Ñéxt çödé ~]</translation>
        </message>
        <message>
            <source>Previous code</source>
            <translation>[Prévîöúš çödé ~~~]</translation>
        </message>
        <message>
            <source>Print it on one page</source>
            <translation>[Prîñt ît öñ öñé págé ~~~~~]</translation>
        </message>
        <message>
            <source>Done: clear everything for the next person</source>
            <translation>[Döñé: çléár évérýthîñg för thé ñéxt péršöñ ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>QR code {0} of {1}</source>
            <translation>[QR çödé {0} öf {1} ~~]</translation>
        </message>
        <message>
            <source>Code {0} of {1}</source>
            <translation>[Çödé {0} öf {1} ~]</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>[Çöpý ~]</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>[Láñgúágé ~]</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>[Éñtér ~]</translation>
        </message>
        <message>
            <source>Hide the keyboard</source>
            <translation>[Hîdé thé kéýböárd ~~~~]</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>[Šhîft ~]</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>[Špáçé ~]</translation>
        </message>
        <message>
            <source>Numbers and symbols</source>
            <translation>[Ñúmbérš áñd šýmbölš ~~~~~]</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>[Léttérš ~]</translation>
        </message>
        <message>
            <source>On-screen keyboard</source>
            <translation>[Öñ-šçrééñ kéýböárd ~~~~~]</translation>
        </message>
        <message>
            <source>Tap the letters to type into the box you chose.</source>
            <translation>[Táp thé léttérš tö týpé îñtö thé böx ýöú çhöšé. ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
    </context>
    <context>
        <name>KioskUpdates</name>
        <message>
            <source>Not checked yet.</source>
            <translation>[Ñöt çhéçkéd ýét. ~~~~]</translation>
        </message>
        <message>
            <source>{time}: {message}</source>
            <translation>[{time}: {message} ~]</translation>
        </message>
        <message>
            <source>The screen restarts into it after the next reset.</source>
            <translation>[Thé šçrééñ réštártš îñtö ît áftér thé ñéxt réšét. ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>{time}: update refused: {reason}</source>
            <translation>[{time}: úpdáté réfúšéd: {reason} ~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Secondary breast cancer guide</source>
            <translation>[Šéçöñdárý bréášt çáñçér gúîdé ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>My appointment</source>
            <translation>[Mý áppöîñtméñt ~~~]</translation>
        </message>
        <message>
            <source>One page could not be shown.</source>
            <translation>[Öñé págé çöúld ñöt bé šhöwñ. ~~~~~ ~~~]</translation>
        </message>
        <message numerus="yes">
            <source>%n pages could not be shown.</source>
            <translation>
                <numerusform>[%n págé çöúld ñöt bé šhöwñ. ~~~~~ ~]</numerusform>
                <numerusform>[%n págéš çöúld ñöt bé šhöwñ. ~~~~~ ~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Everything else here loaded correctly. Staff can run 'sbc-desktop check' to see what needs fixing.</source>
            <translation>[Évérýthîñg élšé héré löádéd çörréçtlý. Štáff çáñ rúñ 'šbç-déšktöp çhéçk' tö šéé whát ñéédš fîxîñg. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Some of this content could not be read, so a few pages may be missing. Everything shown here loaded correctly. Staff can run 'sbc-desktop check' to see what needs fixing.</source>
            <translation>[Šömé öf thîš çöñtéñt çöúld ñöt bé réád, šö á féw págéš máý bé mîššîñg. Évérýthîñg šhöwñ héré löádéd çörréçtlý. Štáff çáñ rúñ 'šbç-déšktöp çhéçk' tö šéé whát ñéédš fîxîñg. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Content problems</source>
            <translation>[Çöñtéñt pröblémš ~~~~]</translation>
        </message>
        <message>
            <source>There is no page called {0}.</source>
            <translation>[Théré îš ñö págé çálléd {0}. ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Search is not available: {0}</source>
            <translation>[Šéárçh îš ñöt áváîláblé: {0} ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Your notes could not be saved: {0}</source>
            <translation>[Ýöúr ñötéš çöúld ñöt bé šávéd: {0} ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>There is no topic called '{0}'.</source>
            <translation>[Théré îš ñö töpîç çálléd '{0}'. ~~~~~ ~~~]</translation>
        </message>
        <message numerus="yes">
            <source>All %n topics are ready.</source>
            <translation>
                <numerusform>[Thé %n töpîç îš réádý. ~~~~~]</numerusform>
                <numerusform>[Áll %n töpîçš áré réádý. ~~~~~ ~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Page not found</source>
            <translation>[Págé ñöt föúñd ~~~]</translation>
        </message>
        <message>
            <source>Page: {0}</source>
            <translation>[Págé: {0} ~]</translation>
        </message>
        <message>
            <source>{0}: page ready.</source>
            <translation>[{0}: págé réádý. ~~~]</translation>
        </message>
        <message>
            <source>Your saved notes could not be read. They were kept in {0}.</source>
            <translation>[Ýöúr šávéd ñötéš çöúld ñöt bé réád. Théý wéré képt îñ {0}. ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Added “{0}” to your handout.</source>
            <translation>[Áddéd “{0}” tö ýöúr háñdöút. ~~~~~ ~]</translation>
        </message>
        <message>
            <source>That word is not in the glossary.</source>
            <translation>[Thát wörd îš ñöt îñ thé glöššárý. ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Could not open {0}.</source>
            <translation>[Çöúld ñöt öpéñ {0}. ~~~~]</translation>
        </message>
        <message>
            <source>Opened {0} in your web browser.</source>
            <translation>[Öpéñéd {0} îñ ýöúr wéb bröwšér. ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Text size {0}%, {1} theme</source>
            <translation>[Téxt šîžé {0}%, {1} thémé ~~~~~]</translation>
        </message>
        <message>
            <source>Your notes are saved.</source>
            <translation>[Ýöúr ñötéš áré šávéd. ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Urgent help</source>
            <translation>[Úrgéñt hélp ~~]</translation>
        </message>
        <message>
            <source>When to get help straight away, and your care team's numbers</source>
            <translation>[Whéñ tö gét hélp štráîght áwáý, áñd ýöúr çáré téám'š ñúmbérš ~~~~~ ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>[Báçk ~]</translation>
        </message>
        <message>
            <source>Go back to the page you read before</source>
            <translation>[Gö báçk tö thé págé ýöú réád béföré ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>[Förwárd ~]</translation>
        </message>
        <message>
            <source>Go forward again</source>
            <translation>[Gö förwárd ágáîñ ~~~~]</translation>
        </message>
        <message>
            <source>Home</source>
            <translation>[Hömé ~]</translation>
        </message>
        <message>
            <source>Go to the welcome page</source>
            <translation>[Gö tö thé wélçömé págé ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Glossary</source>
            <translation>[Glöššárý ~]</translation>
        </message>
        <message>
            <source>What the medical words mean, A to Z</source>
            <translation>[Whát thé médîçál wördš méáñ, Á tö Ž ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>[Šéárçh ~]</translation>
        </message>
        <message>
            <source>Search this guide</source>
            <translation>[Šéárçh thîš gúîdé ~~~~]</translation>
        </message>
        <message>
            <source>Next part</source>
            <translation>[Ñéxt párt ~]</translation>
        </message>
        <message>
            <source>Show the next part of a long page</source>
            <translation>[Šhöw thé ñéxt párt öf á löñg págé ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Previous part</source>
            <translation>[Prévîöúš párt ~~~]</translation>
        </message>
        <message>
            <source>Show the previous part of a long page</source>
            <translation>[Šhöw thé prévîöúš párt öf á löñg págé ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Find in page</source>
            <translation>[Fîñd îñ págé ~~]</translation>
        </message>
        <message>
            <source>Find words in this page</source>
            <translation>[Fîñd wördš îñ thîš págé ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Find next</source>
            <translation>[Fîñd ñéxt ~]</translation>
        </message>
        <message>
            <source>Go to the next match</source>
            <translation>[Gö tö thé ñéxt mátçh ~~~~~]</translation>
        </message>
        <message>
            <source>Find previous</source>
            <translation>[Fîñd prévîöúš ~~~]</translation>
        </message>
        <message>
            <source>Go to the previous match</source>
            <translation>[Gö tö thé prévîöúš mátçh ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Add to handout</source>
            <translation>[Ádd tö háñdöút ~~~]</translation>
        </message>
        <message>
            <source>Add this topic to my handout</source>
            <translation>[Ádd thîš töpîç tö mý háñdöút ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Print preview...</source>
            <translation>[Prîñt prévîéw... ~~~~]</translation>
        </message>
        <message>
            <source>See the handout before printing</source>
            <translation>[Šéé thé háñdöút béföré prîñtîñg ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Print handout...</source>
            <translation>[Prîñt háñdöút... ~~~~]</translation>
        </message>
        <message>
            <source>Print the handout</source>
            <translation>[Prîñt thé háñdöút ~~~~]</translation>
        </message>
        <message>
            <source>Save handout as...</source>
            <translation>[Šávé háñdöút áš... ~~~~~]</translation>
        </message>
        <message>
            <source>Save the handout as PDF, web page or text</source>
            <translation>[Šávé thé háñdöút áš PDF, wéb págé ör téxt ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Preferences...</source>
            <translation>[Préféréñçéš... ~~~]</translation>
        </message>
        <message>
            <source>Clinic details for handouts</source>
            <translation>[Çlîñîç détáîlš för háñdöútš ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>[Qúît ~]</translation>
        </message>
        <message>
            <source>Close the guide</source>
            <translation>[Çlöšé thé gúîdé ~~~]</translation>
        </message>
        <message>
            <source>Larger text</source>
            <translation>[Lárgér téxt ~~]</translation>
        </message>
        <message>
            <source>Make all the text bigger</source>
            <translation>[Máké áll thé téxt bîggér ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Smaller text</source>
            <translation>[Šmállér téxt ~~]</translation>
        </message>
        <message>
            <source>Make all the text smaller</source>
            <translation>[Máké áll thé téxt šmállér ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Normal text size</source>
            <translation>[Ñörmál téxt šîžé ~~~~]</translation>
        </message>
        <message>
            <source>Put the text back to its usual size</source>
            <translation>[Pút thé téxt báçk tö îtš úšúál šîžé ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Next area</source>
            <translation>[Ñéxt áréá ~]</translation>
        </message>
        <message>
            <source>Move between the topics, the page and the panels</source>
            <translation>[Mövé bétwééñ thé töpîçš, thé págé áñd thé páñélš ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Previous area</source>
            <translation>[Prévîöúš áréá ~~~]</translation>
        </message>
        <message>
            <source>Move back between the areas of the window</source>
            <translation>[Mövé báçk bétwééñ thé áréáš öf thé wîñdöw ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Read aloud</source>
            <translation>[Réád álöúd ~]</translation>
        </message>
        <message>
            <source>Read this page aloud, or pause</source>
            <translation>[Réád thîš págé álöúd, ör páúšé ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Where has it spread for you?...</source>
            <translation>[Whéré háš ît špréád för ýöú?... ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Choose the places, to see first what matters most for you</source>
            <translation>[Çhööšé thé pláçéš, tö šéé fîršt whát máttérš möšt för ýöú ~~~~~ ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>About this guide</source>
            <translation>[Áböút thîš gúîdé ~~~~]</translation>
        </message>
        <message>
            <source>Version and where the information comes from</source>
            <translation>[Véršîöñ áñd whéré thé îñförmátîöñ çöméš fröm ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>[&amp;Fîlé ~]</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>[&amp;Gö ~]</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>[&amp;Vîéw ~]</translation>
        </message>
        <message>
            <source>&amp;Appointment</source>
            <translation>[&amp;Áppöîñtméñt ~~]</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>[&amp;Hélp ~]</translation>
        </message>
        <message>
            <source>Notes, questions and a handout for your next appointment</source>
            <translation>[Ñötéš, qúéštîöñš áñd á háñdöút för ýöúr ñéxt áppöîñtméñt ~~~~~ ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>More buttons</source>
            <translation>[Möré búttöñš ~~]</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>[Ñávîgátîöñ ~]</translation>
        </message>
        <message>
            <source>Text size, theme and search</source>
            <translation>[Téxt šîžé, thémé áñd šéárçh ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>[Thémé ~]</translation>
        </message>
        <message>
            <source>Light, dark or high contrast colours</source>
            <translation>[Lîght, dárk ör hîgh çöñtrášt çölöúrš ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>[Méñú ~]</translation>
        </message>
        <message>
            <source>Part {0}, {1}</source>
            <translation>[Párt {0}, {1} ~]</translation>
        </message>
        <message>
            <source>Part {0} of {1}, {2}</source>
            <translation>[Párt {0} öf {1}, {2} ~~]</translation>
        </message>
    </context>
    <context>
        <name>NavTree</name>
        <message>
            <source>Topics</source>
            <translation>[Töpîçš ~]</translation>
        </message>
        <message>
            <source>Sections and topics. Press Enter to open one.</source>
            <translation>[Šéçtîöñš áñd töpîçš. Préšš Éñtér tö öpéñ öñé. ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>[Wélçömé ~]</translation>
        </message>
        <message>
            <source>Loading topics...</source>
            <translation>[Löádîñg töpîçš... ~~~~]</translation>
        </message>
        <message>
            <source>Glossary A to Z</source>
            <translation>[Glöššárý Á tö Ž ~~~]</translation>
        </message>
    </context>
    <context>
        <name>NotesStore</name>
        <message>
            <source>Your earlier notes could not be read or moved aside ({0}), so nothing is saved over them.</source>
            <translation>[Ýöúr éárlîér ñötéš çöúld ñöt bé réád ör mövéd ášîdé ({0}), šö ñöthîñg îš šávéd övér thém. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~]</translation>
        </message>
    </context>
    <context>
        <name>PageOutline</name>
        <message>
            <source>level {0}</source>
            <translation>[lévél {0} ~]</translation>
        </message>
        <message>
            <source>glossary word: opens its meaning</source>
            <translation>[glöššárý wörd: öpéñš îtš méáñîñg ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>page in this guide</source>
            <translation>[págé îñ thîš gúîdé ~~~~~]</translation>
        </message>
        <message>
            <source>place on this page</source>
            <translation>[pláçé öñ thîš págé ~~~~~]</translation>
        </message>
        <message>
            <source>web address: opens in your web browser</source>
            <translation>[wéb áddréšš: öpéñš îñ ýöúr wéb bröwšér ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Headings and links on this page</source>
            <translation>[Héádîñgš áñd lîñkš öñ thîš págé ~~~~~ ~~~~]</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>Welcome</source>
            <translation>[Wélçömé ~]</translation>
        </message>
        <message>
            <source>Glossary A to Z</source>
            <translation>[Glöššárý Á tö Ž ~~~]</translation>
        </message>
        <message>
            <source>{heading} (continued)</source>
            <translation>[{heading} (çöñtîñúéd) ~~]</translation>
        </message>
        <message>
            <source>Introduction</source>
            <translation>[Îñtrödúçtîöñ ~~]</translation>
        </message>
        <message>
            <source>{section}: {heading}</source>
            <translation>[{section}: {heading} ~]</translation>
        </message>
        <message>
            <source>{heading} (continued, {number} of {count})</source>
            <translation>[{heading} (çöñtîñúéd, {number} öf {count}) ~~~~~]</translation>
        </message>
        <message>
            <source>Part {number}: {title}</source>
            <translation>[Párt {number}: {title} ~]</translation>
        </message>
        <message>
            <source>Part {number} of {count}: {title}</source>
            <translation>[Párt {number} öf {count}: {title} ~~]</translation>
        </message>
        <message>
            <source>All the parts of this page</source>
            <translation>[Áll thé pártš öf thîš págé ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Urgent help</source>
            <translation>[Úrgéñt hélp ~~]</translation>
        </message>
        <message>
            <source>Where this information comes from</source>
            <translation>[Whéré thîš îñförmátîöñ çöméš fröm ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Checked by {name}, {role}, on {date}</source>
            <translation>[Çhéçkéd bý {name}, {role}, öñ {date} ~~~~~]</translation>
        </message>
        <message>
            <source>Last updated:</source>
            <translation>[Lášt úpdátéd: ~~~]</translation>
        </message>
        <message>
            <source>Next review due:</source>
            <translation>[Ñéxt révîéw dúé: ~~~~]</translation>
        </message>
        <message>
            <source>This guide explains secondary breast cancer in plain words. Choose a topic below or from the list on the left. Words with a dotted underline are in the glossary: select one to read a short meaning. Words with a solid underline are links: they open another page.</source>
            <translation>[Thîš gúîdé éxpláîñš šéçöñdárý bréášt çáñçér îñ pláîñ wördš. Çhööšé á töpîç bélöw ör fröm thé lîšt öñ thé léft. Wördš wîth á döttéd úñdérlîñé áré îñ thé glöššárý: šéléçt öñé tö réád á šhört méáñîñg. Wördš wîth á šölîd úñdérlîñé áré lîñkš: théý öpéñ áñöthér págé. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>This is general information. Your treatment team knows your situation best: ask them about anything to do with you.</source>
            <translation>[Thîš îš géñérál îñförmátîöñ. Ýöúr tréátméñt téám kñöwš ýöúr šîtúátîöñ béšt: ášk thém áböút áñýthîñg tö dö wîth ýöú. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Unwell during treatment, or worried about a symptom? Read:</source>
            <translation>[Úñwéll dúrîñg tréátméñt, ör wörrîéd áböút á šýmptöm? Réád: ~~~~~ ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Loading the list of topics...</source>
            <translation>[Löádîñg thé lîšt öf töpîçš... ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Medical words</source>
            <translation>[Médîçál wördš ~~~]</translation>
        </message>
        <message>
            <source>what the medical words in this guide mean.</source>
            <translation>[whát thé médîçál wördš îñ thîš gúîdé méáñ. ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Glossary A to Z: {letter}</source>
            <translation>[Glöššárý Á tö Ž: {letter} ~~~~]</translation>
        </message>
        <message>
            <source>What the medical words in this guide mean.</source>
            <translation>[Whát thé médîçál wördš îñ thîš gúîdé méáñ. ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message numerus="yes">
            <source>There are %n words: choose a letter to see its words.</source>
            <translation>
                <numerusform>[Théré îš %n wörd: çhööšé á léttér tö šéé ît. ~~~~~ ~~~~~ ~~]</numerusform>
                <numerusform>[Théré áré %n wördš: çhööšé á léttér tö šéé îtš wördš. ~~~~~ ~~~~~ ~~~~~ ~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Loading the glossary...</source>
            <translation>[Löádîñg thé glöššárý... ~~~~~ ~]</translation>
        </message>
        <message>
            <source>There are no glossary words in this content.</source>
            <translation>[Théré áré ñö glöššárý wördš îñ thîš çöñtéñt. ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Next letter: {letter}</source>
            <translation>[Ñéxt léttér: {letter} ~~~]</translation>
        </message>
        <message>
            <source>Read more: {title}</source>
            <translation>[Réád möré: {title} ~~]</translation>
        </message>
        <message>
            <source>Page not found</source>
            <translation>[Págé ñöt föúñd ~~~]</translation>
        </message>
        <message>
            <source>There is no page called {name}.</source>
            <translation>[Théré îš ñö págé çálléd {name}. ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Go to the welcome page</source>
            <translation>[Gö tö thé wélçömé págé ~~~~~ ~]</translation>
        </message>
    </context>
    <context>
        <name>Preferences</name>
        <message>
            <source>Preferences</source>
            <translation>[Préféréñçéš ~~]</translation>
        </message>
        <message>
            <source>Your care team's details. They are shown on the page about getting help straight away, and printed in a box on every handout.</source>
            <translation>[Ýöúr çáré téám'š détáîlš. Théý áré šhöwñ öñ thé págé áböút géttîñg hélp štráîght áwáý, áñd prîñtéd îñ á böx öñ évérý háñdöút. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Clinic or team name</source>
            <translation>[Çlîñîç ör téám ñámé ~~~~~]</translation>
        </message>
        <message>
            <source>Clinic phone number</source>
            <translation>[Çlîñîç phöñé ñúmbér ~~~~~]</translation>
        </message>
        <message>
            <source>Specialist nurse's name</source>
            <translation>[Špéçîálîšt ñúršé'š ñámé ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Specialist nurse's phone number</source>
            <translation>[Špéçîálîšt ñúršé'š phöñé ñúmbér ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Number to ring day and night</source>
            <translation>[Ñúmbér tö rîñg dáý áñd ñîght ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Clinic or team name:</source>
            <translation>[Çlîñîç ör téám ñámé: ~~~~~]</translation>
        </message>
        <message>
            <source>Clinic phone:</source>
            <translation>[Çlîñîç phöñé: ~~~]</translation>
        </message>
        <message>
            <source>Specialist nurse's name:</source>
            <translation>[Špéçîálîšt ñúršé'š ñámé: ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Specialist nurse's phone:</source>
            <translation>[Špéçîálîšt ñúršé'š phöñé: ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Number to ring day and night:</source>
            <translation>[Ñúmbér tö rîñg dáý áñd ñîght: ~~~~~ ~~~]</translation>
        </message>
    </context>
    <context>
        <name>ReadAloud</name>
        <message>
            <source>Very slow</source>
            <translation>[Vérý šlöw ~]</translation>
        </message>
        <message>
            <source>Slow</source>
            <translation>[Šlöw ~]</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>[Ñörmál ~]</translation>
        </message>
        <message>
            <source>Fast</source>
            <translation>[Fášt ~]</translation>
        </message>
        <message>
            <source>Very fast</source>
            <translation>[Vérý fášt ~]</translation>
        </message>
        <message>
            <source>The speech part of Qt (PySide6-Addons) is not installed.</source>
            <translation>[Thé špééçh párt öf Qt (PýŠîdé6-Áddöñš) îš ñöt îñštálléd. ~~~~~ ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>A system library that speech needs is missing: {0}</source>
            <translation>[Á šýštém lîbrárý thát špééçh ñéédš îš mîššîñg: {0} ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>it did not start</source>
            <translation>[ît dîd ñöt štárt ~~~~]</translation>
        </message>
        <message>
            <source>No speech engine is installed.</source>
            <translation>[Ñö špééçh éñgîñé îš îñštálléd. ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>The speech engine could not start ({0}).</source>
            <translation>[Thé špééçh éñgîñé çöúld ñöt štárt ({0}). ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message numerus="yes">
            <source>The speech engine did not answer within %n seconds. It may be busy or stuck: try Read aloud again in a minute. If it still does not answer, restarting the computer usually helps.</source>
            <translation>
                <numerusform>[Thé špééçh éñgîñé dîd ñöt áñšwér wîthîñ %n šéçöñd. Ît máý bé búšý ör štúçk: trý Réád álöúd ágáîñ îñ á mîñúté. Îf ît štîll döéš ñöt áñšwér, réštártîñg thé çömpútér úšúállý hélpš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</numerusform>
                <numerusform>[Thé špééçh éñgîñé dîd ñöt áñšwér wîthîñ %n šéçöñdš. Ît máý bé búšý ör štúçk: trý Réád álöúd ágáîñ îñ á mîñúté. Îf ît štîll döéš ñöt áñšwér, réštártîñg thé çömpútér úšúállý hélpš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>The speech engine could not be started.</source>
            <translation>[Thé špééçh éñgîñé çöúld ñöt bé štártéd. ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>The speech engine stopped working.</source>
            <translation>[Thé špééçh éñgîñé štöppéd wörkîñg. ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Read aloud</source>
            <translation>[Réád álöúd ~]</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>[Štöp ~]</translation>
        </message>
        <message>
            <source>Stop reading aloud</source>
            <translation>[Štöp réádîñg álöúd ~~~~~]</translation>
        </message>
        <message>
            <source>Reading speeds</source>
            <translation>[Réádîñg špéédš ~~~]</translation>
        </message>
        <message>
            <source>Reading speed</source>
            <translation>[Réádîñg špééd ~~~]</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>[Špééd: ~]</translation>
        </message>
        <message>
            <source>Starting the speech engine.</source>
            <translation>[Štártîñg thé špééçh éñgîñé. ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>[Štártîñg… ~]</translation>
        </message>
        <message>
            <source>Read aloud is starting the speech engine</source>
            <translation>[Réád álöúd îš štártîñg thé špééçh éñgîñé ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>[Páúšé ~]</translation>
        </message>
        <message>
            <source>Pause reading aloud</source>
            <translation>[Páúšé réádîñg álöúd ~~~~~]</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>[Réšúmé ~]</translation>
        </message>
        <message>
            <source>Resume reading aloud</source>
            <translation>[Réšúmé réádîñg álöúd ~~~~~]</translation>
        </message>
        <message>
            <source>Read this page aloud</source>
            <translation>[Réád thîš págé álöúd ~~~~~]</translation>
        </message>
        <message>
            <source>Read aloud is not available just now.

{reason}

Everything else in this guide works.</source>
            <translation>[Réád álöúd îš ñöt áváîláblé júšt ñöw.

{reason}

Évérýthîñg élšé îñ thîš gúîdé wörkš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Read aloud needs a speech engine, and this computer does not have one ready.

{reason}

To add one on Debian or Ubuntu, whoever looks after this computer can run:

    pip install "sbc-desktop[speech]"
    sudo apt-get install speech-dispatcher speech-dispatcher-espeak-ng

Everything else in this guide works without it.</source>
            <translation>[Réád álöúd ñéédš á špééçh éñgîñé, áñd thîš çömpútér döéš ñöt hávé öñé réádý.

{reason}

Tö ádd öñé öñ Débîáñ ör Úbúñtú, whöévér löökš áftér thîš çömpútér çáñ rúñ:

    pîp îñštáll "šbç-déšktöp[špééçh]"
    šúdö ápt-gét îñštáll špééçh-dîšpátçhér špééçh-dîšpátçhér-éšpéák-ñg

Évérýthîñg élšé îñ thîš gúîdé wörkš wîthöút ît. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Read aloud is not available</source>
            <translation>[Réád álöúd îš ñöt áváîláblé ~~~~~ ~~]</translation>
        </message>
    </context>
    <context>
        <name>Reader</name>
        <message>
            <source>Reader</source>
            <translation>[Réádér ~]</translation>
        </message>
        <message>
            <source>The text of the page you are reading</source>
            <translation>[Thé téxt öf thé págé ýöú áré réádîñg ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Loading this page…</source>
            <translation>[Löádîñg thîš págé… ~~~~~]</translation>
        </message>
        <message>
            <source>Sorry, this page could not be shown. Please try another page.</source>
            <translation>[Šörrý, thîš págé çöúld ñöt bé šhöwñ. Pléášé trý áñöthér págé. ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>This page is still loading. Try again in a moment.</source>
            <translation>[Thîš págé îš štîll löádîñg. Trý ágáîñ îñ á möméñt. ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>No more headings on this page.</source>
            <translation>[Ñö möré héádîñgš öñ thîš págé. ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>No earlier headings.</source>
            <translation>[Ñö éárlîér héádîñgš. ~~~~~]</translation>
        </message>
        <message>
            <source>No more links on this page.</source>
            <translation>[Ñö möré lîñkš öñ thîš págé. ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>No earlier links.</source>
            <translation>[Ñö éárlîér lîñkš. ~~~~]</translation>
        </message>
    </context>
    <context>
        <name>ReadingPartsBar</name>
        <message>
            <source>Parts of this page</source>
            <translation>[Pártš öf thîš págé ~~~~~]</translation>
        </message>
        <message>
            <source>Previous part ({0})</source>
            <translation>[Prévîöúš párt ({0}) ~~~~]</translation>
        </message>
        <message>
            <source>Next part ({0})</source>
            <translation>[Ñéxt párt ({0}) ~~]</translation>
        </message>
        <message>
            <source>Previous part</source>
            <translation>[Prévîöúš párt ~~~]</translation>
        </message>
        <message>
            <source>Next part</source>
            <translation>[Ñéxt párt ~]</translation>
        </message>
        <message>
            <source>Previous part: {0}</source>
            <translation>[Prévîöúš párt: {0} ~~~]</translation>
        </message>
        <message>
            <source>Next part: {0}</source>
            <translation>[Ñéxt párt: {0} ~~]</translation>
        </message>
    </context>
    <context>
        <name>ReadingPrefs</name>
        <message>
            <source>Secondary breast cancer is breast cancer that has spread to another part of the body. Treatment can often control it for some time.</source>
            <translation>[Šéçöñdárý bréášt çáñçér îš bréášt çáñçér thát háš špréád tö áñöthér párt öf thé bödý. Tréátméñt çáñ öftéñ çöñtröl ît för šömé tîmé. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Reading comfort</source>
            <translation>[Réádîñg çömfört ~~~]</translation>
        </message>
        <message>
            <source>Reading font</source>
            <translation>[Réádîñg föñt ~~]</translation>
        </message>
        <message>
            <source>Space between lines</source>
            <translation>[Špáçé bétwééñ lîñéš ~~~~~]</translation>
        </message>
        <message>
            <source>Space between letters</source>
            <translation>[Špáçé bétwééñ léttérš ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Space between words</source>
            <translation>[Špáçé bétwééñ wördš ~~~~~]</translation>
        </message>
        <message>
            <source>Space after paragraphs</source>
            <translation>[Špáçé áftér párágráphš ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Reading font:</source>
            <translation>[Réádîñg föñt: ~~~]</translation>
        </message>
        <message>
            <source>Sample text</source>
            <translation>[Šámplé téxt ~~]</translation>
        </message>
        <message>
            <source>The OpenDyslexic font can be chosen once it is installed (fonts-opendyslexic).</source>
            <translation>[Thé ÖpéñDýšléxîç föñt çáñ bé çhöšéñ öñçé ît îš îñštálléd (föñtš-öpéñdýšléxîç). ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>ReadingStyle</name>
        <message>
            <source>Plain (sans serif)</source>
            <translation>[Pláîñ (šáñš šérîf) ~~~~~]</translation>
        </message>
        <message>
            <source>Book (serif)</source>
            <translation>[Böök (šérîf) ~~]</translation>
        </message>
        <message>
            <source>OpenDyslexic (made for dyslexia)</source>
            <translation>[ÖpéñDýšléxîç (mádé för dýšléxîá) ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>[Ñörmál ~]</translation>
        </message>
        <message>
            <source>Wider</source>
            <translation>[Wîdér ~]</translation>
        </message>
        <message>
            <source>Widest</source>
            <translation>[Wîdéšt ~]</translation>
        </message>
    </context>
    <context>
        <name>Search</name>
        <message>
            <source>Search, for example: can it be cured</source>
            <translation>[Šéárçh, för éxámplé: çáñ ît bé çúréd ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>[Šéárçh ~]</translation>
        </message>
        <message>
            <source>Type any words. Results appear as you type; press Down to reach them.</source>
            <translation>[Týpé áñý wördš. Réšúltš áppéár áš ýöú týpé; préšš Döwñ tö réáçh thém. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>[Çléár thé šéárçh ~~~~]</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>[Šéárçh réšúltš ~~~]</translation>
        </message>
        <message>
            <source>Glossary A to Z</source>
            <translation>[Glöššárý Á tö Ž ~~~]</translation>
        </message>
        <message>
            <source>Open the glossary A to Z</source>
            <translation>[Öpéñ thé glöššárý Á tö Ž ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Welcome page</source>
            <translation>[Wélçömé págé ~~]</translation>
        </message>
        <message>
            <source>Open the welcome page</source>
            <translation>[Öpéñ thé wélçömé págé ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Your care team</source>
            <translation>[Ýöúr çáré téám ~~~]</translation>
        </message>
        <message>
            <source>Open the page about your care team and who to ask</source>
            <translation>[Öpéñ thé págé áböút ýöúr çáré téám áñd whö tö ášk ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Still adding the pages' text: {done} of {total}</source>
            <translation>[Štîll áddîñg thé págéš' téxt: {done} öf {total} ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Until then, some pages are found only by their titles and summaries.</source>
            <translation>[Úñtîl théñ, šömé págéš áré föúñd öñlý bý théîr tîtléš áñd šúmmárîéš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message numerus="yes">
            <source>Some pages' text could not be added to search: %n of {total} pages are found only by their titles and summaries. Search will try again next time the app starts.</source>
            <translation>
                <numerusform>[Šömé págéš' téxt çöúld ñöt bé áddéd tö šéárçh: %n öf {total} págéš îš föúñd öñlý bý îtš tîtlé áñd šúmmárý. Šéárçh wîll trý ágáîñ ñéxt tîmé thé ápp štártš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</numerusform>
                <numerusform>[Šömé págéš' téxt çöúld ñöt bé áddéd tö šéárçh: %n öf {total} págéš áré föúñd öñlý bý théîr tîtléš áñd šúmmárîéš. Šéárçh wîll trý ágáîñ ñéxt tîmé thé ápp štártš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Getting search ready...</source>
            <translation>[Géttîñg šéárçh réádý... ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Search is not working at the moment. You can still find pages in the list of topics.</source>
            <translation>[Šéárçh îš ñöt wörkîñg át thé möméñt. Ýöú çáñ štîll fîñd págéš îñ thé lîšt öf töpîçš. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Showing results for “{words}”. {count}</source>
            <translation>[Šhöwîñg réšúltš för “{words}”. {count} ~~~~~ ~]</translation>
        </message>
        <message>
            <source>No results for “{query}”. These pages may help instead. Every medical word is in the glossary A to Z.</source>
            <translation>[Ñö réšúltš för “{query}”. Théšé págéš máý hélp îñštéád. Évérý médîçál wörd îš îñ thé glöššárý Á tö Ž. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>No results for “{query}”. Try other words, or look in the glossary A to Z.</source>
            <translation>[Ñö réšúltš för “{query}”. Trý öthér wördš, ör löök îñ thé glöššárý Á tö Ž. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Glossary</source>
            <translation>[Glöššárý ~]</translation>
        </message>
        <message>
            <source>{text} ({row} of {count})</source>
            <translation>[{text} ({row} öf {count}) ~]</translation>
        </message>
        <message>
            <source>your specialist nurse</source>
            <translation>[ýöúr špéçîálîšt ñúršé ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Ask {nurse}: {phone}.</source>
            <translation>[Ášk {nurse}: {phone}. ~]</translation>
        </message>
        <message>
            <source>your clinic</source>
            <translation>[ýöúr çlîñîç ~~]</translation>
        </message>
        <message>
            <source>Ring {clinic}: {phone}.</source>
            <translation>[Rîñg {clinic}: {phone}. ~]</translation>
        </message>
        <message>
            <source>If you feel unwell, day or night: {phone}.</source>
            <translation>[Îf ýöú féél úñwéll, dáý ör ñîght: {phone}. ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Who to ask: {who} can answer questions this app does not.</source>
            <translation>[Whö tö ášk: {who} çáñ áñšwér qúéštîöñš thîš ápp döéš ñöt. ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Who to ask: your specialist nurse or treatment team can answer questions this app does not.</source>
            <translation>[Whö tö ášk: ýöúr špéçîálîšt ñúršé ör tréátméñt téám çáñ áñšwér qúéštîöñš thîš ápp döéš ñöt. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Who to ask:</source>
            <translation>[Whö tö ášk: ~~]</translation>
        </message>
    </context>
    <context>
        <name>SearchField</name>
        <message>
            <source>Search</source>
            <translation>[Šéárçh ~]</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message numerus="yes">
            <source>%n results</source>
            <translation>
                <numerusform>[%n réšúlt ~]</numerusform>
                <numerusform>[%n réšúltš ~]</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Spread</name>
        <message>
            <source>Bones</source>
            <translation>[Böñéš ~]</translation>
        </message>
        <message>
            <source>Liver</source>
            <translation>[Lîvér ~]</translation>
        </message>
        <message>
            <source>Lungs</source>
            <translation>[Lúñgš ~]</translation>
        </message>
        <message>
            <source>Brain</source>
            <translation>[Bráîñ ~]</translation>
        </message>
        <message>
            <source>Skin</source>
            <translation>[Škîñ ~]</translation>
        </message>
        <message>
            <source>Somewhere else</source>
            <translation>[Šöméwhéré élšé ~~~]</translation>
        </message>
        <message>
            <source>{first} and {last}</source>
            <translation>[{first} áñd {last} ~]</translation>
        </message>
        <message>
            <source>Where has it spread for you?</source>
            <translation>[Whéré háš ît špréád för ýöú? ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>If you like, tell the guide where the cancer has spread, and it will show first what matters most for you. This is up to you.</source>
            <translation>[Îf ýöú lîké, téll thé gúîdé whéré thé çáñçér háš špréád, áñd ît wîll šhöw fîršt whát máttérš möšt för ýöú. Thîš îš úp tö ýöú. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Choose where it has spread</source>
            <translation>[Çhööšé whéré ît háš špréád ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>You chose: {places}.</source>
            <translation>[Ýöú çhöšé: {places}. ~~]</translation>
        </message>
        <message>
            <source>Topics marked {marker} in the list matter most for you.</source>
            <translation>[Töpîçš márkéd {marker} îñ thé lîšt máttér möšt för ýöú. ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Change where it has spread</source>
            <translation>[Çháñgé whéré ît háš špréád ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>Topics for you</source>
            <translation>[Töpîçš för ýöú ~~~]</translation>
        </message>
    </context>
    <context>
        <name>SpreadDialog</name>
        <message>
            <source>Where has it spread for you?</source>
            <translation>[Whéré háš ît špréád för ýöú? ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>If you like, tick the places your team has told you about. The guide then marks the topics that matter most for you, shows them first when you search, and suggests their questions first. You can change this at any time.</source>
            <translation>[Îf ýöú lîké, tîçk thé pláçéš ýöúr téám háš töld ýöú áböút. Thé gúîdé théñ márkš thé töpîçš thát máttér möšt för ýöú, šhöwš thém fîršt whéñ ýöú šéárçh, áñd šúggéštš théîr qúéštîöñš fîršt. Ýöú çáñ çháñgé thîš át áñý tîmé. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>This is kept on this computer until you change it.</source>
            <translation>[Thîš îš képt öñ thîš çömpútér úñtîl ýöú çháñgé ît. ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>This is forgotten when you finish, or when the screen clears.</source>
            <translation>[Thîš îš förgöttéñ whéñ ýöú fîñîšh, ör whéñ thé šçrééñ çléárš. ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Show what matters for me</source>
            <translation>[Šhöw whát máttérš för mé ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Not sure</source>
            <translation>[Ñöt šúré ~]</translation>
        </message>
        <message>
            <source>Untick every place: the guide shows every topic the same way</source>
            <translation>[Úñtîçk évérý pláçé: thé gúîdé šhöwš évérý töpîç thé šámé wáý ~~~~~ ~~~~~ ~~~~~ ~~~]</translation>
        </message>
    </context>
    <context>
        <name>Storage</name>
        <message>
            <source>The folder could not be made. {0} ({1})</source>
            <translation>[Thé földér çöúld ñöt bé mádé. {0} ({1}) ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>{0} ({1})</source>
            <translation>[{0} ({1}) ~]</translation>
        </message>
    </context>
    <context>
        <name>SymptomLog</name>
        <message>
            <source>(how bad: {n} out of 10).</source>
            <translation>[(höw bád: {n} öút öf 10). ~~~~~ ~]</translation>
        </message>
        <message>
            <source>What helped: {what}.</source>
            <translation>[Whát hélpéd: {what}. ~~~]</translation>
        </message>
        <message>
            <source>Write down anything new since you were last seen: symptoms, side effects, how bad they were and what helped. It goes in your handout as a page of its own.</source>
            <translation>[Wrîté döwñ áñýthîñg ñéw šîñçé ýöú wéré lášt šééñ: šýmptömš, šîdé éfféçtš, höw bád théý wéré áñd whát hélpéd. Ît göéš îñ ýöúr háñdöút áš á págé öf îtš öwñ. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>Nobody sees what you write here: this app does not watch it and does not tell your care team. If you feel very unwell, do not wait for your appointment.</source>
            <translation>[Ñöbödý šééš whát ýöú wrîté héré: thîš ápp döéš ñöt wátçh ît áñd döéš ñöt téll ýöúr çáré téám. Îf ýöú féél vérý úñwéll, dö ñöt wáît för ýöúr áppöîñtméñt. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Urgent help</source>
            <translation>[Úrgéñt hélp ~~]</translation>
        </message>
        <message>
            <source>Read when to get help urgently</source>
            <translation>[Réád whéñ tö gét hélp úrgéñtlý ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>When you noticed it</source>
            <translation>[Whéñ ýöú ñötîçéd ît ~~~~~]</translation>
        </message>
        <message>
            <source>When</source>
            <translation>[Whéñ ~]</translation>
        </message>
        <message>
            <source>What you noticed</source>
            <translation>[Whát ýöú ñötîçéd ~~~~]</translation>
        </message>
        <message>
            <source>For example: pain in my lower back</source>
            <translation>[För éxámplé: páîñ îñ mý löwér báçk ~~~~~ ~~~~~]</translation>
        </message>
        <message>
            <source>What</source>
            <translation>[Whát ~]</translation>
        </message>
        <message>
            <source>How bad, from 0 (no trouble) to 10 (the worst you can imagine)</source>
            <translation>[Höw bád, fröm 0 (ñö tröúblé) tö 10 (thé wöršt ýöú çáñ îmágîñé) ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>Not said</source>
            <translation>[Ñöt šáîd ~]</translation>
        </message>
        <message>
            <source>How bad (0 to 10)</source>
            <translation>[Höw bád (0 tö 10) ~~~~]</translation>
        </message>
        <message>
            <source>What helped</source>
            <translation>[Whát hélpéd ~~]</translation>
        </message>
        <message>
            <source>For example: rest, a hot water bottle</source>
            <translation>[För éxámplé: réšt, á höt wátér böttlé ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Add to my log</source>
            <translation>[Ádd tö mý lög ~~~]</translation>
        </message>
        <message>
            <source>Add this to my log</source>
            <translation>[Ádd thîš tö mý lög ~~~~~]</translation>
        </message>
        <message>
            <source>My log, oldest first</source>
            <translation>[Mý lög, öldéšt fîršt ~~~~~]</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>[Rémövé ~]</translation>
        </message>
        <message>
            <source>Remove the selected entry from my log</source>
            <translation>[Rémövé thé šéléçtéd éñtrý fröm mý lög ~~~~~ ~~~~~ ~]</translation>
        </message>
    </context>
    <context>
        <name>TakeHome</name>
        <message>
            <source>My appointment</source>
            <translation>[Mý áppöîñtméñt ~~~]</translation>
        </message>
        <message numerus="yes">
            <source>(%n more lines did not fit on this page)</source>
            <translation>
                <numerusform>[(%n möré lîñé dîd ñöt fît öñ thîš págé) ~~~~~ ~~~~~ ~]</numerusform>
                <numerusform>[(%n möré lîñéš dîd ñöt fît öñ thîš págé) ~~~~~ ~~~~~ ~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Questions to ask:</source>
            <translation>[Qúéštîöñš tö ášk: ~~~~]</translation>
        </message>
        <message>
            <source>My notes:</source>
            <translation>[Mý ñötéš: ~]</translation>
        </message>
        <message>
            <source>Topics to read again:</source>
            <translation>[Töpîçš tö réád ágáîñ: ~~~~~ ~]</translation>
        </message>
        <message numerus="yes">
            <source>(%n more lines did not fit)</source>
            <translation>
                <numerusform>[(%n möré lîñé dîd ñöt fît) ~~~~~ ~]</numerusform>
                <numerusform>[(%n möré lîñéš dîd ñöt fît) ~~~~~ ~]</numerusform>
            </translation>
        </message>
        <message>
            <source>My appointment ({0} of {1})</source>
            <translation>[Mý áppöîñtméñt ({0} öf {1}) ~~~~~ ~]</translation>
        </message>
    </context>
    <context>
        <name>TopicsForYou</name>
        <message>
            <source>Topics for you</source>
            <translation>[Töpîçš för ýöú ~~~]</translation>
        </message>
        <message>
            <source>Topics for you, to add to your handout</source>
            <translation>[Töpîçš för ýöú, tö ádd tö ýöúr háñdöút ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Add to my handout</source>
            <translation>[Ádd tö mý háñdöút ~~~~]</translation>
        </message>
        <message>
            <source>Add the chosen topic for you to my handout</source>
            <translation>[Ádd thé çhöšéñ töpîç för ýöú tö mý háñdöút ~~~~~ ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>These matter most for your {places}. Add any to your handout.</source>
            <translation>[Théšé máttér möšt för ýöúr {places}. Ádd áñý tö ýöúr háñdöút. ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>They are all in your handout.</source>
            <translation>[Théý áré áll îñ ýöúr háñdöút. ~~~~~ ~~~]</translation>
        </message>
    </context>
    <context>
        <name>UnsavedDialog</name>
        <message>
            <source>Your notes are not saved</source>
            <translation>[Ýöúr ñötéš áré ñöt šávéd ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Your notes could not be saved.</source>
            <translation>[Ýöúr ñötéš çöúld ñöt bé šávéd. ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>If you close now, what you wrote since the last save will be lost.</source>
            <translation>[Îf ýöú çlöšé ñöw, whát ýöú wröté šîñçé thé lášt šávé wîll bé löšt. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>[Trý ágáîñ ~]</translation>
        </message>
        <message>
            <source>Close without saving</source>
            <translation>[Çlöšé wîthöút šávîñg ~~~~~]</translation>
        </message>
        <message>
            <source>Keep the window open</source>
            <translation>[Kéép thé wîñdöw öpéñ ~~~~~]</translation>
        </message>
    </context>
    <context>
        <name>UrgentHelp</name>
        <message>
            <source>Day and night, for urgent problems during treatment</source>
            <translation>[Dáý áñd ñîght, för úrgéñt pröblémš dúrîñg tréátméñt ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Your specialist nurse, {name}</source>
            <translation>[Ýöúr špéçîálîšt ñúršé, {name} ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Your specialist nurse</source>
            <translation>[Ýöúr špéçîálîšt ñúršé ~~~~~ ~]</translation>
        </message>
        <message>
            <source>{clinic}, in office hours</source>
            <translation>[{clinic}, îñ öffîçé höúrš ~~~~]</translation>
        </message>
        <message>
            <source>Your clinic, in office hours</source>
            <translation>[Ýöúr çlîñîç, îñ öffîçé höúrš ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Ask your team for the number to ring day and night, and write it here</source>
            <translation>[Ášk ýöúr téám för thé ñúmbér tö rîñg dáý áñd ñîght, áñd wrîté ît héré ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~]</translation>
        </message>
        <message>
            <source>Write your care team's numbers in this guide</source>
            <translation>[Wrîté ýöúr çáré téám'š ñúmbérš îñ thîš gúîdé ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>A member of staff here can help you find it.</source>
            <translation>[Á mémbér öf štáff héré çáñ hélp ýöú fîñd ît. ~~~~~ ~~~~~ ~~~]</translation>
        </message>
        <message>
            <source>Change these numbers</source>
            <translation>[Çháñgé théšé ñúmbérš ~~~~~]</translation>
        </message>
        <message>
            <source>Urgent help</source>
            <translation>[Úrgéñt hélp ~~]</translation>
        </message>
        <message>
            <source>If you feel very unwell during treatment, ring your care team straight away.</source>
            <translation>[Îf ýöú féél vérý úñwéll dúrîñg tréátméñt, rîñg ýöúr çáré téám štráîght áwáý. ~~~~~ ~~~~~ ~~~~~ ~~~~~ ~~~~]</translation>
        </message>
        <message>
            <source>In an emergency, ring 999.</source>
            <translation>[Îñ áñ émérgéñçý, rîñg 999. ~~~~~ ~~]</translation>
        </message>
        <message>
            <source>For urgent medical help that is not an emergency, ring NHS 111.</source>
            <translation>[För úrgéñt médîçál hélp thát îš ñöt áñ émérgéñçý, rîñg ÑHŠ 111. ~~~~~ ~~~~~ ~~~~~ ~~~~~]</translation>
        </message>
    </context>
</TS>
