/**
 * A real OpenLDAP slapd (the Debian package) for connector tests: a temporary directory, a
 * slapd.conf with the mdb backend, the base entries loaded with slapadd, a free port on 127.0.0.1.
 * `stop()` ends the process and removes the directory.
 *
 * With `flavour: 'active_directory'` it also loads our minimal AD imitation (ad-imitation.schema:
 * user, computer and group classes, sAMAccountName, userPrincipalName, userAccountControl — not
 * Microsoft's schema) and the overlays that behave as AD does (unique logon names, member values
 * that follow a rename, memberOf), and the groups are AD `group` objects that may be empty.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const adSchema = fileURLToPath(new URL('./ad-imitation.schema', import.meta.url));

const slapdPath = ['/usr/sbin/slapd', '/usr/local/libexec/slapd'].find((p) => existsSync(p));
const slapaddPath = ['/usr/sbin/slapadd', '/usr/local/sbin/slapadd'].find((p) => existsSync(p));

/** Why slapd tests cannot run here, or null when they can. With GRUNNMUR_REQUIRE_ALL=1 a missing slapd fails instead. */
export function slapdUnavailable(): string | null {
  const reason = !slapdPath || !slapaddPath ? 'OpenLDAP slapd/slapadd is not installed (Debian: apt-get install slapd ldap-utils)' : null;
  if (reason && process.env.GRUNNMUR_REQUIRE_ALL === '1') throw new Error(`GRUNNMUR_REQUIRE_ALL=1 but ${reason}`);
  if (reason) console.warn(`SKIPPING slapd tests: ${reason}`);
  return reason;
}

export interface Slapd {
  url: string;
  suffix: string;
  rootDn: string;
  rootPassword: string;
  usersDn: string;
  disabledDn: string;
  groupsDn: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`slapd exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`slapd did not listen on ${port} in time: ${log()}`);
}

/** Starts slapd with `suffix` (default dc=kommune,dc=test), ou=people, ou=disabled, ou=groups and the given groups (cn under ou=groups). */
export async function startSlapd(options: { suffix?: string; groups?: string[]; flavour?: 'openldap' | 'active_directory' } = {}): Promise<Slapd> {
  const ad = options.flavour === 'active_directory';
  if (!slapdPath || !slapaddPath) throw new Error('slapd is not installed');
  const suffix = options.suffix ?? 'dc=kommune,dc=test';
  const rootDn = `cn=admin,${suffix}`;
  const rootPassword = 'hemmelig-test';
  const dir = await mkdtemp(path.join(tmpdir(), 'grunnmur-slapd-'));
  const dataDir = path.join(dir, 'data');
  spawnSync('mkdir', ['-p', dataDir]);
  const conf = path.join(dir, 'slapd.conf');
  await writeFile(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'include /etc/ldap/schema/nis.schema',
      ...(ad ? [`include ${adSchema}`] : []),
      `pidfile ${path.join(dir, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      ...(ad ? ['moduleload unique', 'moduleload refint', 'moduleload memberof'] : []),
      'database mdb',
      'maxsize 104857600',
      `suffix "${suffix}"`,
      `rootdn "${rootDn}"`,
      `rootpw ${rootPassword}`,
      `directory ${dataDir}`,
      'index objectClass eq',
      'index uid eq',
      'index member eq',
      ...(ad
        ? [
            'index sAMAccountName eq',
            'overlay unique',
            `unique_uri ldap:///${suffix}?sAMAccountName?sub`,
            `unique_uri ldap:///${suffix}?userPrincipalName?sub`,
            'overlay refint',
            'refint_attributes member',
            'overlay memberof',
            'memberof-group-oc group',
            'memberof-member-ad member',
            'memberof-memberof-ad memberOf',
          ]
        : []),
      '',
    ].join('\n'),
  );
  const dc = /^dc=([^,]+)/.exec(suffix)?.[1] ?? 'kommune';
  const entries = [
    `dn: ${suffix}\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\no: Kommune\ndc: ${dc}\n`,
    `dn: ou=people,${suffix}\nobjectClass: organizationalUnit\nou: people\n`,
    `dn: ou=disabled,${suffix}\nobjectClass: organizationalUnit\nou: disabled\n`,
    `dn: ou=groups,${suffix}\nobjectClass: organizationalUnit\nou: groups\n`,
    ...(options.groups ?? []).map((cn) =>
      ad
        ? `dn: cn=${cn},ou=groups,${suffix}\nobjectClass: group\ncn: ${cn}\nsAMAccountName: ${cn}\ngroupType: -2147483646\n`
        : `dn: cn=${cn},ou=groups,${suffix}\nobjectClass: groupOfNames\ncn: ${cn}\nmember: ${rootDn}\n`,
    ),
  ];
  const ldif = path.join(dir, 'base.ldif');
  await writeFile(ldif, entries.join('\n'));
  const added = spawnSync(slapaddPath, ['-f', conf, '-l', ldif], { encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`slapadd failed: ${added.stderr}`);

  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}/`;
  let output = '';
  // -d 0 keeps slapd in the foreground, so it is our child and ends with us.
  const child = spawn(slapdPath, ['-f', conf, '-h', url, '-d', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  await waitForPort(port, child, () => output);

  return {
    url: url.replace(/\/$/, ''),
    suffix,
    rootDn,
    rootPassword,
    usersDn: `ou=people,${suffix}`,
    disabledDn: `ou=disabled,${suffix}`,
    groupsDn: `ou=groups,${suffix}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
