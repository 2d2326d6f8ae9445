// The project identity deb and rpm packages must carry (a homepage and a maintainer with an
// e-mail address): facts of whoever publishes Tunnelbar, so they are not written into the
// repository but given when packaging. An AppImage needs neither.

export interface DistPlan {
  /** electron-builder's --linux targets. */
  targets: string[];
  /** Extra electron-builder arguments (config overrides). */
  overrides: string[];
}

export type DistRequest = { ok: true; plan: DistPlan } | { ok: false; message: string };

const MAINTAINER = /^[^<>]+ <[^<>@\s]+@[^<>@\s]+>$/;

/**
 * What `npm run dist` builds from its arguments and TUNNELBAR_HOMEPAGE / TUNNELBAR_MAINTAINER.
 * `--appimage` builds the AppImage alone, without the identity.
 */
export function planDist(args: readonly string[], env: NodeJS.ProcessEnv): DistRequest {
  if (args.includes('--appimage'))
    return { ok: true, plan: { targets: ['AppImage'], overrides: [] } };
  const homepage = env.TUNNELBAR_HOMEPAGE?.trim() ?? '';
  const maintainer = env.TUNNELBAR_MAINTAINER?.trim() ?? '';
  const problems: string[] = [];
  if (!/^https?:\/\/\S+$/.test(homepage)) {
    problems.push('TUNNELBAR_HOMEPAGE must be the project’s web address (https://…)');
  }
  if (!MAINTAINER.test(maintainer)) {
    problems.push('TUNNELBAR_MAINTAINER must be "Name <e-mail address>"');
  }
  if (problems.length > 0) {
    return {
      ok: false,
      message:
        'The deb and rpm packages need the publisher’s identity:\n' +
        problems.map((p) => `  - ${p}\n`).join('') +
        'Set both and run again, or build the AppImage alone: npm run dist -- --appimage\n',
    };
  }
  return {
    ok: true,
    plan: {
      targets: ['AppImage', 'deb', 'rpm'],
      overrides: [`-c.extraMetadata.homepage=${homepage}`, `-c.linux.maintainer=${maintainer}`],
    },
  };
}
