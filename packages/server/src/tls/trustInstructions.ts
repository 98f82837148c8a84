import net from 'node:net';
import { isLoopbackName } from './certificateNames.js';
import type { LocalCertificate } from './localCa.js';

/**
 * What a technician reads when the platform runs on its own local CA: where to download the CA
 * certificate, its fingerprint to compare, and how to trust it on a meeting room's computer. In
 * Vietnamese and English, line by line, since it is printed once at start in a terminal.
 */
export function trustInstructions(baseUrl: string, ca: LocalCertificate): string[] {
  // What a room on the network opens: every certified name but loopback, on the platform's port.
  const url = new URL(baseUrl);
  const roomUrls = ca.names
    .filter((name) => !isLoopbackName(name))
    .map((name) => {
      const host = net.isIPv6(name) ? `[${name}]` : name;
      return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
    });
  const download = `${roomUrls[0] ?? baseUrl}/tls/ca.crt`;
  return [
    '  HTTPS với chứng chỉ do hệ thống tự cấp (CA nội bộ) · HTTPS with a certificate from the platform’s own local CA',
    '  Địa chỉ cho các phòng họp · Addresses for meeting rooms:',
    ...roomUrls.map((roomUrl) => `    ${roomUrl}`),
    `  Tải chứng chỉ gốc · Download the CA certificate: ${download}`,
    `  Dấu vân tay SHA-256 (so sánh trước khi cài) · SHA-256 fingerprint (compare before trusting it):`,
    `    ${ca.caFingerprint}`,
    '  Cài chứng chỉ gốc một lần trên mỗi máy phòng họp · Trust it once on each meeting-room computer:',
    '    Windows (Chrome, Cốc Cốc, Edge): mở tệp ca.crt → Cài đặt chứng chỉ (Install Certificate) → Máy cục bộ (Local Machine)',
    '      → "Đặt tất cả chứng chỉ vào kho sau" → kho chứng chỉ gốc tin cậy (Trusted Root Certification Authorities) → Hoàn tất;',
    '      khởi động lại trình duyệt.',
    '      · open ca.crt → Install Certificate → Local Machine → "Place all certificates in the following store"',
    '      → Trusted Root Certification Authorities → Finish; restart the browser.',
    '    Chrome, Cốc Cốc trên Linux · on Linux: Cài đặt → Quyền riêng tư và bảo mật → Bảo mật → Quản lý chứng chỉ → Tổ chức cấp',
    '      → Nhập → chọn "Tin cậy chứng chỉ này để nhận dạng trang web" · Settings → Privacy and security → Security',
    '      → Manage certificates → Authorities → Import → "Trust this certificate for identifying websites".',
    '    Firefox: Cài đặt → Riêng tư & Bảo mật → Chứng chỉ → Xem chứng chỉ → Nhà cung cấp chứng chỉ → Nhập → "Tin cậy CA này để',
    '      nhận diện các trang web" · Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import',
    '      → "Trust this CA to identify websites". (Firefox trên Windows cũng dùng kho của Windows khi bật',
    '      security.enterprise_roots.enabled · Firefox on Windows also uses the Windows store with security.enterprise_roots.enabled.)',
    '  Trình duyệt sẽ cảnh báo khi tải tệp lần đầu, trước khi tin cậy: đó là điều bình thường.',
    '  · The browser warns once while downloading it, before the CA is trusted: that is expected.',
  ];
}
