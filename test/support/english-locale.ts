// Most tests assert English sentences, and the core speaks the session's language (LANGUAGE,
// LC_ALL, LC_MESSAGES, LANG). So every test process starts in the C locale, whatever the shell
// that runs the suite speaks; a test that wants another language sets it itself.
delete process.env.LANGUAGE;
delete process.env.LC_ALL;
delete process.env.LC_MESSAGES;
process.env.LANG = 'C.UTF-8';
