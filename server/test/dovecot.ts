// A Dovecot IMAP server of the tests' own: started on a loopback port with a temporary configuration
// (passwd-file users, maildir in a temporary directory, no TLS, no system service) and stopped after.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const DOVECOT = process.env.DOVECOT_PATH || '/usr/sbin/dovecot';

export interface Dovecot {
  host: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForGreeting(port: number, log: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('data', (d) => { socket.destroy(); resolve(d.toString().startsWith('* OK')); });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dovecot не запустился:\n${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
}

/** Starts Dovecot with the given users (login → password). */
export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  if (!existsSync(DOVECOT)) throw new Error('Dovecot не установлен: bash scripts/ensure-dovecot.sh');
  const dir = mkdtempSync(path.join(tmpdir(), 'otklik-dovecot-'));
  const port = await freePort();
  const me = userInfo();
  // Dovecot never gives mail to uid 0: as root, mail belongs to nobody; otherwise to the current user.
  const root = me.uid === 0;
  const mailUid = root ? 65534 : me.uid;
  const mailGid = root ? 65534 : me.gid;
  const internal = root ? 'dovenull' : me.username;
  const home = path.join(dir, 'home');
  mkdirSync(home);
  mkdirSync(path.join(dir, 'run'));
  if (root) {
    // Dovecot's own processes run as dovenull and need to reach the password file.
    chmodSync(dir, 0o711);
    chownSync(home, mailUid, mailGid);
  }
  writeFileSync(path.join(dir, 'passwd'), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}::::::\n`).join(''));
  const log = path.join(dir, 'dovecot.log');
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(conf, `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${log}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
default_internal_user = ${internal}
default_internal_group = ${root ? 'nogroup' : (process.env.DOVECOT_GROUP || me.username)}
default_login_user = ${internal}
mail_location = maildir:${home}/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${home}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
`);
  const child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore' });
  await waitForGreeting(port, log);
  return {
    host: '127.0.0.1',
    port,
    async stop() {
      if (child.exitCode === null) {
        await promisify(execFile)(DOVECOT, ['-c', conf, 'stop']).catch(() => child.kill('SIGTERM'));
        await new Promise((resolve) => { if (child.exitCode !== null) resolve(null); else child.once('exit', resolve); });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
