/**
 * The demo province: Thanh Hóa's provincial hall, departments and agencies, its 27 district-level
 * units (as they were before the 2025 reorganisation) and a selection of their communes, wards and
 * townships, chosen so the network has exactly 348 meeting rooms, as the real one does.
 *
 * Names only; seedPlan.ts derives codes, sites and contact details from them.
 */
import type { Role } from '../db/generated/client.js';

export const PROVINCE = { code: 'TINH', name: 'Tỉnh Thanh Hóa', hallName: 'Hội trường UBND tỉnh' } as const;

export const PROVINCE_HALL_ADDRESS = 'Số 35 Đại lộ Lê Lợi, phường Lam Sơn, thành phố Thanh Hóa';

/** Departments and provincial agencies, in the order the provincial listing gives them. */
export const DEPARTMENTS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'VP-UBND', name: 'Văn phòng UBND tỉnh' },
  { code: 'SO-NOIVU', name: 'Sở Nội vụ' },
  { code: 'SO-TAICHINH', name: 'Sở Tài chính' },
  { code: 'SO-XAYDUNG', name: 'Sở Xây dựng' },
  { code: 'SO-NONGNGHIEP', name: 'Sở Nông nghiệp và Môi trường' },
  { code: 'SO-CONGTHUONG', name: 'Sở Công Thương' },
  { code: 'SO-KHOAHOC', name: 'Sở Khoa học và Công nghệ' },
  { code: 'SO-YTE', name: 'Sở Y tế' },
  { code: 'SO-GIAODUC', name: 'Sở Giáo dục và Đào tạo' },
  { code: 'SO-VANHOA', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { code: 'SO-TUPHAP', name: 'Sở Tư pháp' },
  { code: 'SO-DANTOC', name: 'Sở Dân tộc và Tôn giáo' },
  { code: 'SO-NGOAIVU', name: 'Sở Ngoại vụ' },
  { code: 'THANHTRA', name: 'Thanh tra tỉnh' },
  { code: 'CONGAN', name: 'Công an tỉnh' },
  { code: 'BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh' },
  { code: 'BQL-KKT', name: 'Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp' },
  { code: 'BHXH', name: 'Bảo hiểm xã hội tỉnh' },
  { code: 'BAO-PTTH', name: 'Báo và Phát thanh, Truyền hình Thanh Hóa' },
  { code: 'VP-TINHUY', name: 'Văn phòng Tỉnh ủy' },
];

export type DistrictType = 'TP' | 'TX' | 'HUYEN';

export interface DistrictData {
  type: DistrictType;
  /** Without the type, e.g. "Hoằng Hóa". */
  name: string;
  /** Commune-level units by type, each list in official order; the first ward or township is the seat. */
  phuong?: string[];
  thiTran?: string[];
  xa?: string[];
}

/** The 27 district-level units: cities and towns first, then districts, alphabetically. */
export const DISTRICTS: readonly DistrictData[] = [
  {
    type: 'TP',
    name: 'Thanh Hóa',
    phuong: [
      'Điện Biên', 'Lam Sơn', 'Ba Đình', 'Hàm Rồng', 'Đông Thọ', 'Nam Ngạn', 'Trường Thi', 'Ngọc Trạo', 'Đông Vệ',
      'Đông Sơn', 'Phú Sơn', 'Tân Sơn', 'Quảng Thắng', 'An Hưng', 'Đông Hương', 'Đông Hải', 'Tào Xuyên',
    ],
    xa: ['Hoằng Quang', 'Thiệu Vân'],
  },
  {
    type: 'TP',
    name: 'Sầm Sơn',
    phuong: ['Trường Sơn', 'Bắc Sơn', 'Trung Sơn', 'Quảng Tiến', 'Quảng Cư'],
    xa: ['Quảng Hùng'],
  },
  { type: 'TX', name: 'Bỉm Sơn', phuong: ['Ba Đình', 'Bắc Sơn', 'Lam Sơn'], xa: ['Hà Lan'] },
  {
    type: 'TX',
    name: 'Nghi Sơn',
    phuong: [
      'Hải Hòa', 'Hải Ninh', 'Nguyên Bình', 'Xuân Lâm', 'Bình Minh', 'Hải Thanh', 'Hải Bình', 'Tĩnh Hải', 'Mai Lâm',
      'Trúc Lâm', 'Hải An', 'Hải Thượng',
    ],
    xa: ['Nghi Sơn', 'Tân Trường', 'Trường Lâm', 'Phú Lâm'],
  },
  {
    type: 'HUYEN',
    name: 'Bá Thước',
    thiTran: ['Cành Nàng'],
    xa: [
      'Ban Công', 'Lũng Niêm', 'Lũng Cao', 'Thành Lâm', 'Điền Quang', 'Điền Thượng', 'Lương Ngoại', 'Văn Nho',
      'Thiết Ống', 'Cổ Lũng',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Cẩm Thủy',
    thiTran: ['Phong Sơn'],
    xa: ['Cẩm Thành', 'Cẩm Thạch', 'Cẩm Liên', 'Cẩm Bình', 'Cẩm Giang', 'Cẩm Lương', 'Cẩm Ngọc', 'Cẩm Tú'],
  },
  {
    type: 'HUYEN',
    name: 'Đông Sơn',
    thiTran: ['Rừng Thông'],
    xa: ['Đông Hòa', 'Đông Hoàng', 'Đông Khê', 'Đông Minh', 'Đông Ninh', 'Đông Thanh', 'Đông Tiến'],
  },
  {
    type: 'HUYEN',
    name: 'Hà Trung',
    thiTran: ['Hà Trung'],
    xa: ['Hà Bắc', 'Hà Bình', 'Hà Châu', 'Hà Đông', 'Hà Giang', 'Hà Hải', 'Hà Long', 'Hà Ngọc', 'Hà Sơn', 'Hà Tân'],
  },
  {
    type: 'HUYEN',
    name: 'Hậu Lộc',
    thiTran: ['Hậu Lộc'],
    xa: [
      'Cầu Lộc', 'Đại Lộc', 'Đa Lộc', 'Đồng Lộc', 'Hải Lộc', 'Hòa Lộc', 'Liên Lộc', 'Hưng Lộc', 'Minh Lộc', 'Ngư Lộc',
      'Tiến Lộc',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Hoằng Hóa',
    thiTran: ['Bút Sơn'],
    xa: [
      'Hoằng Đạo', 'Hoằng Châu', 'Hoằng Đông', 'Hoằng Hải', 'Hoằng Hà', 'Hoằng Kim', 'Hoằng Lộc', 'Hoằng Ngọc',
      'Hoằng Phong', 'Hoằng Phụ', 'Hoằng Phượng', 'Hoằng Quỳ', 'Hoằng Sơn', 'Hoằng Tân', 'Hoằng Thanh', 'Hoằng Thắng',
      'Hoằng Thịnh', 'Hoằng Tiến', 'Hoằng Trạch', 'Hoằng Trung',
    ],
  },
  { type: 'HUYEN', name: 'Lang Chánh', thiTran: ['Lang Chánh'], xa: ['Đồng Lương', 'Giao An', 'Tam Văn', 'Yên Khương'] },
  { type: 'HUYEN', name: 'Mường Lát', thiTran: ['Mường Lát'], xa: ['Mường Chanh', 'Pù Nhi', 'Quang Chiểu'] },
  {
    type: 'HUYEN',
    name: 'Nga Sơn',
    thiTran: ['Nga Sơn'],
    xa: [
      'Nga An', 'Nga Bạch', 'Nga Điền', 'Nga Hải', 'Nga Liên', 'Nga Phượng', 'Nga Thạch', 'Nga Thái', 'Nga Thắng',
      'Nga Thủy', 'Nga Trường', 'Nga Yên',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Ngọc Lặc',
    thiTran: ['Ngọc Lặc'],
    xa: [
      'Cao Ngọc', 'Cao Thịnh', 'Kiên Thọ', 'Lam Sơn', 'Minh Sơn', 'Mỹ Tân', 'Ngọc Khê', 'Ngọc Liên', 'Nguyệt Ấn',
      'Phùng Giáo',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Như Thanh',
    thiTran: ['Bến Sung'],
    xa: ['Cán Khê', 'Hải Long', 'Mậu Lâm', 'Phú Nhuận', 'Thanh Kỳ', 'Xuân Du', 'Yên Thọ'],
  },
  {
    type: 'HUYEN',
    name: 'Như Xuân',
    thiTran: ['Yên Cát'],
    xa: ['Bãi Trành', 'Bình Lương', 'Cát Tân', 'Hóa Quỳ', 'Thanh Phong', 'Thanh Quân', 'Thượng Ninh', 'Xuân Bình'],
  },
  {
    type: 'HUYEN',
    name: 'Nông Cống',
    thiTran: ['Nông Cống'],
    xa: [
      'Công Chính', 'Minh Nghĩa', 'Tế Lợi', 'Tế Nông', 'Tế Thắng', 'Thăng Bình', 'Thăng Long', 'Trung Chính',
      'Trường Giang', 'Trường Sơn', 'Tượng Lĩnh', 'Tượng Văn', 'Vạn Thắng', 'Yên Mỹ',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Quan Hóa',
    thiTran: ['Hồi Xuân'],
    xa: ['Hiền Kiệt', 'Nam Động', 'Nam Xuân', 'Phú Lệ', 'Phú Nghiêm', 'Thành Sơn', 'Trung Sơn'],
  },
  { type: 'HUYEN', name: 'Quan Sơn', thiTran: ['Sơn Lư'], xa: ['Mường Mìn', 'Na Mèo', 'Sơn Điện', 'Tam Lư', 'Trung Hạ'] },
  {
    type: 'HUYEN',
    name: 'Quảng Xương',
    thiTran: ['Tân Phong'],
    xa: [
      'Quảng Bình', 'Quảng Chính', 'Quảng Đức', 'Quảng Giao', 'Quảng Hải', 'Quảng Hòa', 'Quảng Lưu', 'Quảng Ngọc',
      'Quảng Nham', 'Quảng Nhân', 'Quảng Ninh', 'Quảng Trạch', 'Tiên Trang',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Thạch Thành',
    thiTran: ['Kim Tân', 'Vân Du'],
    xa: [
      'Thạch Bình', 'Thạch Cẩm', 'Thạch Định', 'Thạch Lâm', 'Thạch Quảng', 'Thành An', 'Thành Công', 'Thành Long',
      'Thành Minh', 'Thành Vinh', 'Ngọc Trạo',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Thiệu Hóa',
    thiTran: ['Thiệu Hóa', 'Hậu Hiền'],
    xa: [
      'Thiệu Chính', 'Thiệu Công', 'Thiệu Duy', 'Thiệu Giang', 'Thiệu Hợp', 'Thiệu Long', 'Thiệu Ngọc', 'Thiệu Nguyên',
      'Thiệu Phúc', 'Thiệu Trung', 'Tân Châu',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Thọ Xuân',
    thiTran: ['Thọ Xuân', 'Lam Sơn', 'Sao Vàng'],
    xa: [
      'Bắc Lương', 'Nam Giang', 'Phú Xuân', 'Thọ Diên', 'Thọ Hải', 'Thọ Lập', 'Xuân Bái', 'Xuân Giang', 'Xuân Hòa',
      'Xuân Hồng', 'Xuân Lai', 'Xuân Lập', 'Xuân Sinh',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Thường Xuân',
    thiTran: ['Thường Xuân'],
    xa: ['Bát Mọt', 'Luận Thành', 'Lương Sơn', 'Ngọc Phụng', 'Tân Thành', 'Vạn Xuân', 'Xuân Cao', 'Yên Nhân'],
  },
  {
    type: 'HUYEN',
    name: 'Triệu Sơn',
    thiTran: ['Triệu Sơn', 'Nưa'],
    xa: [
      'An Nông', 'Dân Lực', 'Dân Lý', 'Đồng Lợi', 'Đồng Thắng', 'Hợp Lý', 'Hợp Thành', 'Khuyến Nông', 'Minh Sơn',
      'Nông Trường', 'Thái Hòa', 'Thọ Bình', 'Thọ Dân', 'Thọ Ngọc', 'Thọ Tiến', 'Xuân Thịnh',
    ],
  },
  {
    type: 'HUYEN',
    name: 'Vĩnh Lộc',
    thiTran: ['Vĩnh Lộc'],
    xa: ['Ninh Khang', 'Minh Tân', 'Vĩnh An', 'Vĩnh Hùng', 'Vĩnh Long', 'Vĩnh Thịnh'],
  },
  {
    type: 'HUYEN',
    name: 'Yên Định',
    thiTran: ['Quán Lào', 'Thống Nhất', 'Quý Lộc', 'Yên Lâm'],
    xa: [
      'Định Bình', 'Định Công', 'Định Hải', 'Định Hòa', 'Định Liên', 'Định Long', 'Định Tân', 'Định Tăng', 'Yên Phong',
      'Yên Trường',
    ],
  },
];

/** Streets of the provincial capital, for the departments' addresses. */
export const CAPITAL_STREETS = [
  'Đại lộ Lê Lợi', 'đường Hạc Thành', 'đường Phan Chu Trinh', 'đường Trần Phú', 'đường Lý Thường Kiệt',
  'đường Nguyễn Trãi', 'đường Quang Trung', 'đường Lê Hoàn', 'đường Đội Cung', 'đường Hàm Nghi',
  'đường Tống Duy Tân', 'đường Cao Thắng', 'đường Bà Triệu', 'đường Lê Quý Đôn',
] as const;

export const CAPITAL_WARDS = ['Lam Sơn', 'Điện Biên', 'Ba Đình', 'Ngọc Trạo', 'Đông Thọ', 'Trường Thi'] as const;

/** For contact people: common Vietnamese family names, middle and given names by gender. */
export const FAMILY_NAMES = [
  'Nguyễn', 'Lê', 'Trần', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Mai', 'Trịnh', 'Đặng', 'Hà', 'Lại', 'Ngô', 'Đào',
  'Cao', 'Lưu', 'Tạ', 'Phan', 'Dương',
] as const;
export const MALE_MIDDLE_NAMES = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Ngọc', 'Xuân', 'Đình', 'Thanh', 'Trọng'] as const;
export const FEMALE_MIDDLE_NAMES = ['Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Thúy', 'Hồng', 'Kim'] as const;
export const MALE_GIVEN_NAMES = [
  'Hùng', 'Tuấn', 'Dũng', 'Nam', 'Long', 'Sơn', 'Hải', 'Cường', 'Thắng', 'Phong', 'Khánh', 'Tùng', 'Bình', 'Quân',
  'Trung', 'Hiếu', 'Đạt', 'Việt', 'Thành', 'Toàn',
] as const;
export const FEMALE_GIVEN_NAMES = [
  'Lan', 'Hương', 'Hà', 'Thảo', 'Linh', 'Trang', 'Hạnh', 'Nga', 'Mai', 'Hoa', 'Yến', 'Phương', 'Huyền', 'Dung',
  'Oanh', 'Nhung', 'Thủy', 'Loan', 'Vân', 'Giang',
] as const;

/** Mobile prefixes of the main Vietnamese networks (all 09x). */
export const MOBILE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098'] as const;

export const EQUIPMENT = {
  provinceHall:
    'Điểm cầu chính: MCU đa điểm, 3 camera PTZ 20x, màn hình LED 250 inch, 80 micro đại biểu, ' +
    'đường truyền cáp quang riêng 1 Gbps, nguồn dự phòng UPS',
  department: [
    'Camera PTZ 12x, TV 86 inch, micro hội nghị 20 vị trí, đường truyền 200 Mbps',
    'Camera PTZ 20x, máy chiếu, micro cổ ngỗng 16 vị trí, đường truyền 100 Mbps',
    'Camera PTZ 12x, 2 TV 75 inch, bộ trộn âm thanh, đường truyền 200 Mbps',
  ],
  district: [
    'Camera PTZ 20x, 2 TV 86 inch, micro hội nghị 40 vị trí, bộ trộn âm thanh, đường truyền 200 Mbps',
    'Camera PTZ 12x, màn hình LED 150 inch, micro hội nghị 30 vị trí, đường truyền 100 Mbps',
  ],
  commune: [
    'Camera hội nghị USB, TV 65 inch, loa micro đa hướng, đường truyền 50 Mbps',
    'Camera PTZ 10x, TV 55 inch, micro cổ ngỗng 10 vị trí, đường truyền 50 Mbps',
    'Webcam 4K, máy chiếu, loa kéo và micro không dây, đường truyền 30 Mbps',
    'Camera hội nghị USB, TV 75 inch, micro không dây, đường truyền 100 Mbps',
  ],
} as const;

export interface DemoStaffAccount {
  username: string;
  role: Role;
  displayName: string;
}

/** Province-wide demo accounts, one per staff role. */
export const DEMO_STAFF_ACCOUNTS: readonly DemoStaffAccount[] = [
  { username: 'admin', role: 'ADMIN', displayName: 'Quản trị hệ thống' },
  { username: 'vanphong', role: 'SECRETARIAT', displayName: 'Văn phòng UBND tỉnh (thư ký cuộc họp)' },
  { username: 'chutich', role: 'CHAIR', displayName: 'Chủ tịch UBND tỉnh' },
  { username: 'vanhanh', role: 'OPERATOR', displayName: 'Kỹ thuật viên vận hành' },
  { username: 'theodoi', role: 'VIEWER', displayName: 'Cán bộ theo dõi' },
];

/** Meeting rooms that get a demo SITE account (username: the site code in lower case). */
export const DEMO_SITE_ACCOUNT_SITES = ['TINH', 'SO-YTE', 'HUYEN-HOANGHOA', 'XA-HOANGHOA-HOANGDAO'] as const;

export const DEFAULT_DEMO_PASSWORD = 'Demo@2026';
