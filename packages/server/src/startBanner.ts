import type { Config } from './config.js';
import { planDemoDirectory } from './directory/seedPlan.js';
import type { LocalCertificate } from './tls/localCa.js';
import { trustInstructions } from './tls/trustInstructions.js';

const ROLE_LABELS: Record<string, string> = {
  ADMIN: 'quản trị',
  SECRETARIAT: 'văn phòng (thư ký)',
  CHAIR: 'chủ trì',
  OPERATOR: 'vận hành',
  SITE: 'điểm cầu',
  VIEWER: 'xem lại',
};

/**
 * What a person starting the platform needs to read: where it is, how a meeting room trusts its
 * local CA when it made one, and how to sign in.
 */
export function startBanner(listening: string, config: Config, localCa?: LocalCertificate): string {
  const url = config.publicUrl ?? listening;
  const lines = [
    '',
    `  Hệ thống họp trực tuyến đã sẵn sàng · The platform is ready: ${url}`,
    `  Kiểm tra trạng thái · Health: ${url}/healthz`,
  ];
  if (localCa) lines.push('', ...trustInstructions(url, localCa));
  if (config.demo.seed) {
    lines.push('', `  Tài khoản thử nghiệm · Demo accounts (mật khẩu / password: ${config.demo.password}):`);
    if (config.demo.publishedPasswordLocks) {
      lines.push(
        '  Máy chủ mở ra mạng: mỗi tài khoản phải đổi mật khẩu này khi đăng nhập lần đầu.',
        '  The server is on the network: each account must change this password at its first sign-in.',
      );
    }
    for (const account of planDemoDirectory().accounts) {
      lines.push(`    ${account.username.padEnd(24)} ${ROLE_LABELS[account.role] ?? account.role} — ${account.displayName}`);
    }
  } else if (config.demo.withheldOnNetwork) {
    lines.push(
      '',
      `  Không tạo dữ liệu thử nghiệm: máy chủ nghe trên địa chỉ mạng ${config.http.host}, còn mật khẩu thử nghiệm thì ai cũng biết.`,
      '  Đặt SEED_DEMO=true để vẫn tạo (mỗi tài khoản phải đổi mật khẩu khi đăng nhập lần đầu).',
      `  No demo data seeded: the server listens on the network address ${config.http.host} and the demo password is public.`,
      '  Set SEED_DEMO=true to seed it anyway (each account then changes its password at its first sign-in).',
    );
  }
  return `${lines.join('\n')}\n`;
}
