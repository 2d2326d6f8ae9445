/**
 * Every module that defines strings. Importing them registers their namespaces with
 * main/i18n/define.ts; a new string module is added here (the extract check then covers it).
 */
import '../../renderer/strings';
import '../../renderer/prompt/login-strings';
import '../../main/desktop/strings';
import '../../main/nm/reason-strings';
import '../../main/agent/agent-strings';
import '../../main/cli/cli-strings';
import '../../main/cli/usage-strings';
import '../../main/cli/run-strings';
import '../../main/cli/import-strings';
import '../../main/cli/prompt-strings';
import '../../main/errors/error-strings';
import '../../main/harness/tray-strings';
import '../../main/editor/editor-strings';
import '../../main/vpn/import-errors-strings';
import '../../renderer/boot-strings';
