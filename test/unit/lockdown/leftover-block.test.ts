// Reading lockdown's block from the kernel's route tables as /proc shows them (samples taken in a
// network namespace with `ip route add unreachable default metric 60` and its IPv6 twin).
import { describe, expect, it } from 'vitest';
import {
  clearLeftoverBlock,
  hasIpv4Block,
  hasIpv6Block,
} from '../../../main/lockdown/leftover-block';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';

const header =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n';
const v4Block = '*\t00000000\t00000000\t0201\t0\t0\t60\t00000000\t0\t0\t0\n';
const v4Default = 'eth0\t00000000\t0100A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n';
const v4OtherMetric = '*\t00000000\t00000000\t0201\t0\t0\t61\t00000000\t0\t0\t0\n';

const zeros = '0'.repeat(32);
const v6Block = `${zeros} 00 ${zeros} 00 ${zeros} 0000003c 00000001 00000000 00200200       lo\n`;
// The kernel's own unreachable default, in every namespace.
const v6KernelNull = `${zeros} 00 ${zeros} 00 ${zeros} ffffffff 00000001 00000000 00200200       lo\n`;
const v6Loopback = `${'0'.repeat(31)}1 80 ${zeros} 00 ${zeros} 00000000 00000002 00000000 80200001       lo\n`;

describe('lockdown block in /proc', () => {
  it('finds the IPv4 unreachable default at metric 60, and nothing else', () => {
    expect(hasIpv4Block(header + v4Default + v4Block)).toBe(true);
    expect(hasIpv4Block(header + v4Default)).toBe(false);
    expect(hasIpv4Block(header + v4OtherMetric)).toBe(false);
    // A gateway route at metric 60 is not a block (no reject flag).
    expect(hasIpv4Block(header + v4Default.replace('\t100\t', '\t60\t'))).toBe(false);
    expect(hasIpv4Block('')).toBe(false);
  });

  it("finds the IPv6 one, not the kernel's own unreachable default", () => {
    expect(hasIpv6Block(v6Loopback + v6Block + v6KernelNull)).toBe(true);
    expect(hasIpv6Block(v6Loopback + v6KernelNull)).toBe(false);
    expect(hasIpv6Block('')).toBe(false);
  });
});

describe('a block left behind', () => {
  it('nothing left: nothing to do', async () => {
    await expect(clearLeftoverBlock({ ipv4: false, ipv6: false }, false)).resolves.toBeUndefined();
  });

  it('not root: the error says what happened and what to do', async () => {
    const err = await clearLeftoverBlock({ ipv4: true, ipv6: false }, false).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TunnelbarError);
    expect(err).toMatchObject({ word: 'lockdown-leftover' });
    expect((err as Error).message).toMatch(/sudo tunnelbar lockdown off/);
  });
});
