// The handler map is complete by its type (a call left out does not compile); what the type does
// not see is two areas answering the same call, where the later spread would silently win.
import { describe, expect, it } from 'vitest';
import { privacyCalls } from '../../../main/contract/privacy-calls';
import { settingsCalls } from '../../../main/contract/settings-calls';
import { tunnelCalls } from '../../../main/contract/tunnel-calls';
import { editorCalls } from '../../../main/contract/editor-calls';
import { libraryCalls } from '../../../main/contract/library-calls';
import { CALL_NAMES } from '../../../preload/contract';

describe("the contract's handler areas", () => {
  it('answer every call exactly once between them', () => {
    // Building an area only keeps its context; nothing is called, so an empty stand-in does.
    const unused = {} as never;
    const areas = [
      tunnelCalls({
        core: unused,
        prompter: unused,
        preferences: unused,
        diagnostics: unused,
        snapshot: unused,
        profilesChanged: unused,
      }),
      settingsCalls({ preferences: unused, setAutostart: undefined, profilesChanged: unused }),
      editorCalls(unused),
      libraryCalls(unused),
      privacyCalls(unused),
    ];
    const answered = areas.flatMap((area) => Object.keys(area));
    expect(answered.length).toBe(new Set(answered).size);
    expect([...answered].sort()).toEqual([...CALL_NAMES].sort());
  });
});
