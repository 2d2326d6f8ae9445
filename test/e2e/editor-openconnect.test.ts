import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addOpenConnectArgs } from '../sandbox/infra/profiles';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { editorView, field } from './pages/editor';
import { readSettings } from './support/read-settings';
import { plainSettings } from '../support/plain-settings';

// The editor's OpenConnect page in Chromium through the harness, against a real NetworkManager
// with NetworkManager-openconnect: the fields are saved under the plugin's keys, a key the page
// does not know is kept, and a value the plugin would refuse is refused before it is sent.

const PROFILE = 'tb-oc-editor';
let w: World;

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      // useragent has no field on the page: it must survive the save.
      await sb.nmcli(
        addOpenConnectArgs(PROFILE, { gateway: 'vpn.example.com', useragent: 'kept-agent' }),
      );
    },
  });
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

describe('the OpenConnect page through the harness', () => {
  it('saves the plugin’s keys, keeps the ones it does not show, and refuses a bad value', async () => {
    const { page } = w;
    const editor = await profileList(page).openEditor(PROFILE);
    await editorView(page).tab('OpenConnect').click();
    await field(editor, 'Protocol').selectOption('gp');
    await field(editor, 'Gateway').fill('gp.corp.example');
    await field(editor, 'Reported OS').selectOption('win');

    // A proxy without its scheme is refused at the field; nothing is saved.
    await field(editor, 'Proxy').fill('proxy.corp:8080');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByRole('alert').first().waitFor();
    const before = plainSettings(await readSettings(w, PROFILE)).vpn?.data as {
      value: Record<string, string>;
    };
    expect(before.value.gateway).toBe('vpn.example.com');

    await field(editor, 'Proxy').fill('http://proxy.corp:8080');
    await screenshot(page, 'editor-openconnect');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await profileList(page).switchOf(PROFILE).waitFor();
    await expect
      .poll(async () => {
        const data = plainSettings(await readSettings(w, PROFILE)).vpn?.data as {
          value: Record<string, string>;
        };
        return data.value;
      })
      .toMatchObject({
        gateway: 'gp.corp.example',
        protocol: 'gp',
        reported_os: 'win',
        proxy: 'http://proxy.corp:8080',
        useragent: 'kept-agent',
      });
    expect(w.pageErrors).toEqual([]);
  });
});
