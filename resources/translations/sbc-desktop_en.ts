<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About this guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary Breast Cancer Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain-English information about secondary (metastatic) breast cancer, for patients, their families and the nurses who care for them.

This is general information, not advice about any one person. Your treatment team knows your situation best: ask them about anything to do with you.

Each topic names its sources and shows when it was last reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, published {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Next review due {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>There are no topics to show in {0}. A content folder holds its pages as Markdown files (.md), in a folder named “topics”. To see what is wrong with it, run: sbc-desktop check {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide is already open on another computer ({0}), and keeps your notes there. Please close it there first. If that computer was switched off without closing the guide, the guide opens here again about 10 minutes later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide is already open on this computer. Please use the window that is open, so that your notes are kept in one place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary Breast Cancer Guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>Same as the computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentPanel</name>
    <message>
        <source>Date of my next appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time of my next appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who I am seeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Dr Patel, my cancer doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the appointment is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Riverside Hospital, Clinic 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My next appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write what you want to remember, or to tell your doctor or nurse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the questions you want to ask. They go in your handout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested questions. Press Space to tick one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your own question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since my last appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics in my handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this topic to my handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the topic up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the topic down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the topic from the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print or save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the handout as a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear my notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all my notes and questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For your {places}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this topic: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked on other pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all your notes, questions, appointment details, log and handout topics? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick your top three: the questions that matter most to you. They come first in your handout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My top three questions. Press Space to tick one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have ticked three already. Untick one to choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} of 3 ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An hour earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An hour later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− 5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 minutes earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ 5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 minutes later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateBox</name>
    <message>
        <source>Choose a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys move by day and week, Page Up and Page Down by month. Enter picks the day, Escape closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month: {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year: {year}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Disk</name>
    <message>
        <source>The disk is full. Make some space (for example, empty the wastebasket) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk can only be read, not written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer does not allow saving there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file is in the way, where a folder should be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of the file or folder is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk could not be written to (it may be failing or unplugged).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the words to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} of {total} so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindInPage</name>
    <message numerus="yes">
        <source>Not in this part. Found %n times in other parts: press Next</source>
        <translation>
            <numerusform>Not in this part. Found %n time in other parts: press Next</numerusform>
            <numerusform>Not in this part. Found %n times in other parts: press Next</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Fitted</name>
    <message>
        <source>for you: it matters for your {places}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n topics for your {places} are marked {marker} in the list.</source>
        <translation>
            <numerusform>%n topic for your {places} is marked {marker} in the list.</numerusform>
            <numerusform>%n topics for your {places} are marked {marker} in the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every topic is shown the same way.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlossaryFind</name>
    <message>
        <source>{current} of {total} under {letter}, {more} more under other letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the glossary. Try the Search box at the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the glossary. Try Search (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not under {letter}. Found under {letters}: press Next</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlossaryPopup</name>
    <message>
        <source>Meaning of a word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the meaning aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read more: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read more about {term}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning of {term}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>My appointment notes and information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes and questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the medical words mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is general information, not advice about you. Ask your treatment team about your own care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic or team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic phone (office hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My specialist nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialist nurse&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent help, day and night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My care team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content: {version}, next review due {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content: {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who I am seeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My next appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For my appointment on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My top three are ticked: the questions that matter most to me. They come first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick your top three: the questions that matter most to you. Ask those first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My top three</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My other questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To my doctor or nurse: please can we go through these questions together?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since my last appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What I have noticed since I was last seen. How bad: 0 means no trouble, 10 the worst I can imagine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What I noticed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How bad (0-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you feel very unwell, do not wait for your appointment. Ring {phone} at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you feel very unwell, do not wait for your appointment. Ring your care team straight away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is too long to print at once: it would fill more than 700 pages. Nothing was printed or saved: make the handout without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start printing on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pages {chosen} are not in this handout: it ends at page %n. Choose pages 1 to %n.</source>
        <translation>
            <numerusform>Pages {chosen} are not in this handout: it has only %n page. Choose page %n.</numerusform>
            <numerusform>Pages {chosen} are not in this handout: it ends at page %n. Choose pages 1 to %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Picture: {description}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer is still busy. Please try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A handout is still being made. Wait for it to finish, or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not show the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handout preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handout was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handout was printed to the file {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handout could not be printed to the file {path}.

{reason}

A file that was there before is as it was. Try another folder, such as Documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing was cancelled. Nothing was written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the handout to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer is set up on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can save the handout as a PDF file instead, and print it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask a member of staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my-appointment-handout.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handout saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your handout is saved in {folder} as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program on this computer would open {name}. It is saved in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes are safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handout could not be saved to {path}.

{reason}

Your notes are safe. Try another folder, such as Documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving was cancelled. Nothing was saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the handout to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel: stop making the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending page {page} of {pages} to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting out the pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{doing}. This can take a minute. Press Escape to cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pages are going to the printer: this cannot be stopped now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Are you still reading?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m still reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Are you still reading?

To keep everyone&apos;s information private, this screen will be cleared in %n seconds.</source>
        <translation>
            <numerusform>Are you still reading?

To keep everyone&apos;s information private, this screen will be cleared in %n second.</numerusform>
            <numerusform>Are you still reading?

To keep everyone&apos;s information private, this screen will be cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finish and clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear everything you did, for the next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print my handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear your notes, questions and everything you looked at, ready for the next person?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First, take my notes home on my phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, clear everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, keep reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, it could not be printed. Please ask a member of staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your page is printing. Collect it from {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing is not available on this screen. Please ask a member of staff if you would like a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, the handout could not be printed. Please ask a member of staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your handout is printing. Collect it from {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing your handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This screen has no staff PIN, so staff cannot unlock it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staff PIN has been set for this screen, so it cannot be unlocked here. Please tell the person who looks after this screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic details...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean the screen (30 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content updates: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff: enter the PIN to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page on another website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This guide cannot open other websites here. The address is too long for a code to scan; you can copy it down:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This guide cannot open other websites here. To read this page, scan the code with your phone&apos;s camera, or copy down the address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaning the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Touches are ignored while the screen is cleaned. Back in %n seconds.</source>
        <translation>
            <numerusform>Touches are ignored while the screen is cleaned. Back in %n second.</numerusform>
            <numerusform>Touches are ignored while the screen is cleaned. Back in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Take it home on your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your phone&apos;s camera and point it at the code. Your phone shows your questions, notes and topics as text that you can copy or save. Nothing is kept on this screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your notes are too long for the codes: the last %n lines are left out. Please copy them down or ask for a print.</source>
        <translation>
            <numerusform>Your notes are too long for the codes: the last %n line is left out. Please copy it down or ask for a print.</numerusform>
            <numerusform>Your notes are too long for the codes: the last %n lines are left out. Please copy them down or ask for a print.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print it on one page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: clear everything for the next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers and symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-screen keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap the letters to type into the box you chose.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskUpdates</name>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen restarts into it after the next reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time}: update refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Secondary breast cancer guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One page could not be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pages could not be shown.</source>
        <translation>
            <numerusform>%n page could not be shown.</numerusform>
            <numerusform>%n pages could not be shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything else here loaded correctly. Staff can run &apos;sbc-desktop check&apos; to see what needs fixing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of this content could not be read, so a few pages may be missing. Everything shown here loaded correctly. Staff can run &apos;sbc-desktop check&apos; to see what needs fixing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no page called {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search is not available: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no topic called &apos;{0}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n topics are ready.</source>
        <translation>
            <numerusform>The %n topic is ready.</numerusform>
            <numerusform>All %n topics are ready.</numerusform>
        </translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: page ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved notes could not be read. They were kept in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added “{0}” to your handout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That word is not in the glossary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {0} in your web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size {0}%, {1} theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to get help straight away, and your care team&apos;s numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the page you read before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the welcome page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the medical words mean, A to Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search this guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the next part of a long page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the previous part of a long page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find words in this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this topic to my handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print preview...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the handout before printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print handout...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save handout as...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the handout as PDF, web page or text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic details for handouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make all the text bigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make all the text smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the text back to its usual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between the topics, the page and the panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move back between the areas of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this page aloud, or pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where has it spread for you?...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the places, to see first what matters most for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and where the information comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes, questions and a handout for your next appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size, theme and search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light, dark or high contrast colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part {0} of {1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavTree</name>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections and topics. Press Enter to open one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading topics...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary A to Z</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesStore</name>
    <message>
        <source>Your earlier notes could not be read or moved aside ({0}), so nothing is saved over them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageOutline</name>
    <message>
        <source>level {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>glossary word: opens its meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page in this guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>place on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web address: opens in your web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headings and links on this page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary A to Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{heading} (continued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{section}: {heading}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{heading} (continued, {number} of {count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part {number}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part {number} of {count}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All the parts of this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where this information comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked by {name}, {role}, on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This guide explains secondary breast cancer in plain words. Choose a topic below or from the list on the left. Words with a dotted underline are in the glossary: select one to read a short meaning. Words with a solid underline are links: they open another page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is general information. Your treatment team knows your situation best: ask them about anything to do with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unwell during treatment, or worried about a symptom? Read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the list of topics...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the medical words in this guide mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary A to Z: {letter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the medical words in this guide mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>There are %n words: choose a letter to see its words.</source>
        <translation>
            <numerusform>There is %n word: choose a letter to see it.</numerusform>
            <numerusform>There are %n words: choose a letter to see its words.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the glossary...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no glossary words in this content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next letter: {letter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read more: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no page called {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the welcome page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your care team&apos;s details. They are shown on the page about getting help straight away, and printed in a box on every handout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic or team name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialist nurse&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialist nurse&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to ring day and night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic or team name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialist nurse&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialist nurse&apos;s phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to ring day and night:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Very slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech part of Qt (PySide6-Addons) is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A system library that speech needs is missing: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speech engine is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech engine could not start ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The speech engine did not answer within %n seconds. It may be busy or stuck: try Read aloud again in a minute. If it still does not answer, restarting the computer usually helps.</source>
        <translation>
            <numerusform>The speech engine did not answer within %n second. It may be busy or stuck: try Read aloud again in a minute. If it still does not answer, restarting the computer usually helps.</numerusform>
            <numerusform>The speech engine did not answer within %n seconds. It may be busy or stuck: try Read aloud again in a minute. If it still does not answer, restarting the computer usually helps.</numerusform>
        </translation>
    </message>
    <message>
        <source>The speech engine could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech engine stopped working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading speeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the speech engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud is starting the speech engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this page aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud is not available just now.

{reason}

Everything else in this guide works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud needs a speech engine, and this computer does not have one ready.

{reason}

To add one on Debian or Ubuntu, whoever looks after this computer can run:

    pip install &quot;sbc-desktop[speech]&quot;
    sudo apt-get install speech-dispatcher speech-dispatcher-espeak-ng

Everything else in this guide works without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud is not available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text of the page you are reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading this page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, this page could not be shown. Please try another page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page is still loading. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more headings on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier headings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more links on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier links.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingPartsBar</name>
    <message>
        <source>Parts of this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous part ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next part ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous part: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next part: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingPrefs</name>
    <message>
        <source>Secondary breast cancer is breast cancer that has spread to another part of the body. Treatment can often control it for some time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading comfort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space between lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space between letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space between words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space after paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OpenDyslexic font can be chosen once it is installed (fonts-opendyslexic).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingStyle</name>
    <message>
        <source>Plain (sans serif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book (serif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDyslexic (made for dyslexia)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Search, for example: can it be cured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type any words. Results appear as you type; press Down to reach them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary A to Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the glossary A to Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the welcome page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your care team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the page about your care team and who to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still adding the pages&apos; text: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then, some pages are found only by their titles and summaries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Some pages&apos; text could not be added to search: %n of {total} pages are found only by their titles and summaries. Search will try again next time the app starts.</source>
        <translation>
            <numerusform>Some pages&apos; text could not be added to search: %n of {total} pages is found only by its title and summary. Search will try again next time the app starts.</numerusform>
            <numerusform>Some pages&apos; text could not be added to search: %n of {total} pages are found only by their titles and summaries. Search will try again next time the app starts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Getting search ready...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search is not working at the moment. You can still find pages in the list of topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing results for “{words}”. {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results for “{query}”. These pages may help instead. Every medical word is in the glossary A to Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results for “{query}”. Try other words, or look in the glossary A to Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} ({row} of {count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your specialist nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask {nurse}: {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring {clinic}: {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you feel unwell, day or night: {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who to ask: {who} can answer questions this app does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who to ask: your specialist nurse or treatment team can answer questions this app does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who to ask:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Spread</name>
    <message>
        <source>Bones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lungs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somewhere else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where has it spread for you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you like, tell the guide where the cancer has spread, and it will show first what matters most for you. This is up to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where it has spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You chose: {places}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics marked {marker} in the list matter most for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change where it has spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics for you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpreadDialog</name>
    <message>
        <source>Where has it spread for you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you like, tick the places your team has told you about. The guide then marks the topics that matter most for you, shows them first when you search, and suggests their questions first. You can change this at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is kept on this computer until you change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is forgotten when you finish, or when the screen clears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what matters for me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick every place: the guide shows every topic the same way</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The folder could not be made. {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SymptomLog</name>
    <message>
        <source>(how bad: {n} out of 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What helped: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down anything new since you were last seen: symptoms, side effects, how bad they were and what helped. It goes in your handout as a page of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody sees what you write here: this app does not watch it and does not tell your care team. If you feel very unwell, do not wait for your appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read when to get help urgently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you noticed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you noticed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: pain in my lower back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How bad, from 0 (no trouble) to 10 (the worst you can imagine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How bad (0 to 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: rest, a hot water bottle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to my log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this to my log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My log, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected entry from my log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeHome</name>
    <message>
        <source>My appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n more lines did not fit on this page)</source>
        <translation>
            <numerusform>(%n more line did not fit on this page)</numerusform>
            <numerusform>(%n more lines did not fit on this page)</numerusform>
        </translation>
    </message>
    <message>
        <source>Questions to ask:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics to read again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n more lines did not fit)</source>
        <translation>
            <numerusform>(%n more line did not fit)</numerusform>
            <numerusform>(%n more lines did not fit)</numerusform>
        </translation>
    </message>
    <message>
        <source>My appointment ({0} of {1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopicsForYou</name>
    <message>
        <source>Topics for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics for you, to add to your handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to my handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the chosen topic for you to my handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These matter most for your {places}. Add any to your handout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are all in your handout.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsavedDialog</name>
    <message>
        <source>Your notes are not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you close now, what you wrote since the last save will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the window open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UrgentHelp</name>
    <message>
        <source>Day and night, for urgent problems during treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your specialist nurse, {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your specialist nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{clinic}, in office hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic, in office hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your team for the number to ring day and night, and write it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your care team&apos;s numbers in this guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member of staff here can help you find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change these numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you feel very unwell during treatment, ring your care team straight away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In an emergency, ring 999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For urgent medical help that is not an emergency, ring NHS 111.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
