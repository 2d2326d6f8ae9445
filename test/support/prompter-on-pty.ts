// A small program for the pty tests: runs the CLI's TerminalPrompter on this process's own
// terminal (stdin and stderr, as `tunnelbar up --ask` does) for each request given, in order, and
// appends each answer, as the agent would send it to NetworkManager, to a file as a JSON line.
// Usage: tsx prompter-on-pty.ts '<PromptRequest[] as JSON>' <answers file>
import { appendFileSync } from 'node:fs';
import type { PromptRequest } from '../../main/agent/prompter';
import { TerminalPrompter } from '../../main/cli/terminal-prompter';

async function run(): Promise<void> {
  const [requestsJson = '[]', answersFile = ''] = process.argv.slice(2);
  const requests = JSON.parse(requestsJson) as PromptRequest[];
  const prompter = new TerminalPrompter(process.stdin, process.stderr);
  for (const request of requests) {
    const answer = await prompter.prompt(request, new AbortController().signal);
    appendFileSync(answersFile, `${JSON.stringify(answer)}\n`);
  }
  process.stderr.write('ALL ANSWERED\n');
}

void run().then(() => process.exit(0));
