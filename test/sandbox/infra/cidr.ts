// OpenVPN wants "network netmask" where the sandbox describes subnets as CIDR.

export function splitCidr(cidr: string): { network: string; netmask: string; prefix: number } {
  const [network, prefixText] = cidr.split('/');
  const prefix = Number(prefixText);
  if (network === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) {
    throw new Error(`not an IPv4 CIDR: ${cidr}`);
  }
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const netmask = [24, 16, 8, 0].map((shift) => (mask >>> shift) & 0xff).join('.');
  return { network, netmask, prefix };
}

/** Whether an IPv4 address lies in a CIDR subnet. */
export function inSubnet(address: string, cidr: string): boolean {
  const { network, prefix } = splitCidr(cidr);
  const toInt = (a: string) => a.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const size = 2 ** (32 - prefix);
  return Math.floor(toInt(address) / size) === Math.floor(toInt(network) / size);
}
