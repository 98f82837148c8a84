/**
 * The demo province: Thanh Hóa as it is since 1 July 2025, when the district level was abolished
 * and communes and wards were merged (Nghị quyết 1686/NQ-UBTVQH15 of 16 June 2025): the province's
 * hall, its departments and agencies, and its 166 commune-level units (147 xã, 19 phường), each
 * with its national administrative unit code (mã đơn vị hành chính, General Statistics Office
 * list), which serves as its unit and site code.
 *
 * Names only; seedPlan.ts derives sites, rooms and contact details from them.
 */
import type { Role } from '../db/generated/client.js';

export const PROVINCE = { code: 'TINH', name: 'Tỉnh Thanh Hóa', hallName: 'Hội trường UBND tỉnh' } as const;

export const PROVINCE_HALL_ADDRESS = 'Số 35 Đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa';

/**
 * The People's Committee's own departments and boards (the "all departments" group), in the
 * order the provincial listing gives them.
 */
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
  { code: 'BQL-KKT', name: 'Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp' },
];

/** The People's Council, the Party, the armed forces and the other provincial bodies that join the network. */
export const OTHER_AGENCIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'VP-HDND', name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh' },
  { code: 'VP-TINHUY', name: 'Văn phòng Tỉnh ủy' },
  { code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam tỉnh' },
  { code: 'CONGAN', name: 'Công an tỉnh' },
  { code: 'BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh' },
  { code: 'BDBP', name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh' },
  { code: 'TAND', name: 'Tòa án nhân dân tỉnh' },
  { code: 'VKSND', name: 'Viện kiểm sát nhân dân tỉnh' },
  { code: 'BHXH', name: 'Bảo hiểm xã hội tỉnh' },
  { code: 'THUE', name: 'Thuế tỉnh Thanh Hóa' },
  { code: 'THONGKE', name: 'Thống kê tỉnh Thanh Hóa' },
  { code: 'KTTV', name: 'Đài Khí tượng Thủy văn tỉnh Thanh Hóa' },
  { code: 'BAO-PTTH', name: 'Báo và Phát thanh, Truyền hình Thanh Hóa' },
  { code: 'BV-DAKHOA', name: 'Bệnh viện Đa khoa tỉnh' },
  { code: 'CDC', name: 'Trung tâm Kiểm soát bệnh tật tỉnh' },
  { code: 'HCC', name: 'Trung tâm Phục vụ hành chính công tỉnh' },
  { code: 'DH-HONGDUC', name: 'Trường Đại học Hồng Đức' },
  { code: 'TRUONG-CHINHTRI', name: 'Trường Chính trị tỉnh' },
  { code: 'DIENLUC', name: 'Công ty Điện lực Thanh Hóa' },
  { code: 'VIENTHONG', name: 'Viễn thông Thanh Hóa' },
];

/** An ad-hoc group, as a secretariat keeps them: the agencies of the disaster prevention steering committee. */
export const DISASTER_COMMITTEE = {
  code: 'BCD-PCTT',
  name: 'Ban Chỉ đạo phòng chống thiên tai',
  unitCodes: ['TINH', 'VP-UBND', 'SO-NONGNGHIEP', 'SO-XAYDUNG', 'SO-CONGTHUONG', 'SO-YTE', 'CONGAN', 'BCHQS', 'BDBP', 'KTTV', 'DIENLUC', 'VIENTHONG', 'BAO-PTTH'],
} as const;

export type Region = 'MIEN_NUI' | 'VEN_BIEN' | 'DONG_BANG';

/**
 * The 26 district-level units as they were on 30 June 2025 (Đông Sơn had joined the city of Thanh
 * Hóa in 2024), kept because many meetings are still organised by their areas, with the region
 * each lies in: the 11 mountain districts, the 6 coastal ones, the rest in the plain.
 */
export const FORMER_DISTRICTS: ReadonlyArray<{ name: string; label: string; region: Region }> = [
  { name: 'Thanh Hóa', label: 'thành phố', region: 'DONG_BANG' },
  { name: 'Sầm Sơn', label: 'thành phố', region: 'VEN_BIEN' },
  { name: 'Bỉm Sơn', label: 'thị xã', region: 'DONG_BANG' },
  { name: 'Nghi Sơn', label: 'thị xã', region: 'VEN_BIEN' },
  { name: 'Bá Thước', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Cẩm Thủy', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Hà Trung', label: 'huyện', region: 'DONG_BANG' },
  { name: 'Hậu Lộc', label: 'huyện', region: 'VEN_BIEN' },
  { name: 'Hoằng Hóa', label: 'huyện', region: 'VEN_BIEN' },
  { name: 'Lang Chánh', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Mường Lát', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Nga Sơn', label: 'huyện', region: 'VEN_BIEN' },
  { name: 'Ngọc Lặc', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Như Thanh', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Như Xuân', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Nông Cống', label: 'huyện', region: 'DONG_BANG' },
  { name: 'Quan Hóa', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Quan Sơn', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Quảng Xương', label: 'huyện', region: 'VEN_BIEN' },
  { name: 'Thạch Thành', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Thiệu Hóa', label: 'huyện', region: 'DONG_BANG' },
  { name: 'Thọ Xuân', label: 'huyện', region: 'DONG_BANG' },
  { name: 'Thường Xuân', label: 'huyện', region: 'MIEN_NUI' },
  { name: 'Triệu Sơn', label: 'huyện', region: 'DONG_BANG' },
  { name: 'Vĩnh Lộc', label: 'huyện', region: 'DONG_BANG' },
  { name: 'Yên Định', label: 'huyện', region: 'DONG_BANG' },
];

/** [national code, xã or phường, name without its type, former district, formed by merger (false: one of the 21 communes left as they were)] */
export type CommuneLevelRow = readonly [code: string, type: 'XA' | 'PHUONG', name: string, formerDistrict: string, merged: boolean];

/** The 166 commune-level units, by national code. */
export const COMMUNE_LEVEL_UNITS: readonly CommuneLevelRow[] = [
  ['14758', 'PHUONG', 'Hàm Rồng', 'Thanh Hóa', true],
  ['14797', 'PHUONG', 'Hạc Thành', 'Thanh Hóa', true],
  ['14812', 'PHUONG', 'Bỉm Sơn', 'Bỉm Sơn', true],
  ['14818', 'PHUONG', 'Quang Trung', 'Bỉm Sơn', true],
  ['14845', 'XA', 'Mường Lát', 'Mường Lát', true],
  ['14848', 'XA', 'Tam Chung', 'Mường Lát', false],
  ['14854', 'XA', 'Mường Lý', 'Mường Lát', false],
  ['14857', 'XA', 'Trung Lý', 'Mường Lát', false],
  ['14860', 'XA', 'Quang Chiểu', 'Mường Lát', false],
  ['14863', 'XA', 'Pù Nhi', 'Mường Lát', false],
  ['14864', 'XA', 'Nhi Sơn', 'Mường Lát', false],
  ['14866', 'XA', 'Mường Chanh', 'Mường Lát', false],
  ['14869', 'XA', 'Hồi Xuân', 'Quan Hóa', true],
  ['14872', 'XA', 'Trung Thành', 'Quan Hóa', true],
  ['14875', 'XA', 'Trung Sơn', 'Quan Hóa', false],
  ['14878', 'XA', 'Phú Lệ', 'Quan Hóa', true],
  ['14890', 'XA', 'Phú Xuân', 'Quan Hóa', false],
  ['14896', 'XA', 'Hiền Kiệt', 'Quan Hóa', true],
  ['14902', 'XA', 'Nam Xuân', 'Quan Hóa', true],
  ['14908', 'XA', 'Thiên Phủ', 'Quan Hóa', true],
  ['14923', 'XA', 'Bá Thước', 'Bá Thước', true],
  ['14932', 'XA', 'Điền Quang', 'Bá Thước', true],
  ['14950', 'XA', 'Điền Lư', 'Bá Thước', true],
  ['14953', 'XA', 'Quý Lương', 'Bá Thước', true],
  ['14956', 'XA', 'Pù Luông', 'Bá Thước', true],
  ['14959', 'XA', 'Cổ Lũng', 'Bá Thước', true],
  ['14974', 'XA', 'Văn Nho', 'Bá Thước', true],
  ['14980', 'XA', 'Thiết Ống', 'Bá Thước', true],
  ['15001', 'XA', 'Trung Hạ', 'Quan Sơn', true],
  ['15007', 'XA', 'Tam Thanh', 'Quan Sơn', false],
  ['15010', 'XA', 'Sơn Thủy', 'Quan Sơn', false],
  ['15013', 'XA', 'Na Mèo', 'Quan Sơn', false],
  ['15016', 'XA', 'Quan Sơn', 'Quan Sơn', true],
  ['15019', 'XA', 'Tam Lư', 'Quan Sơn', true],
  ['15022', 'XA', 'Sơn Điện', 'Quan Sơn', false],
  ['15025', 'XA', 'Mường Mìn', 'Quan Sơn', false],
  ['15031', 'XA', 'Yên Khương', 'Lang Chánh', false],
  ['15034', 'XA', 'Yên Thắng', 'Lang Chánh', false],
  ['15043', 'XA', 'Giao An', 'Lang Chánh', true],
  ['15049', 'XA', 'Văn Phú', 'Lang Chánh', true],
  ['15055', 'XA', 'Linh Sơn', 'Lang Chánh', true],
  ['15058', 'XA', 'Đồng Lương', 'Lang Chánh', true],
  ['15061', 'XA', 'Ngọc Lặc', 'Ngọc Lặc', true],
  ['15085', 'XA', 'Thạch Lập', 'Ngọc Lặc', true],
  ['15091', 'XA', 'Ngọc Liên', 'Ngọc Lặc', true],
  ['15106', 'XA', 'Nguyệt Ấn', 'Ngọc Lặc', true],
  ['15112', 'XA', 'Kiên Thọ', 'Ngọc Lặc', true],
  ['15124', 'XA', 'Minh Sơn', 'Ngọc Lặc', true],
  ['15127', 'XA', 'Cẩm Thủy', 'Cẩm Thủy', true],
  ['15142', 'XA', 'Cẩm Thạch', 'Cẩm Thủy', true],
  ['15148', 'XA', 'Cẩm Tú', 'Cẩm Thủy', true],
  ['15163', 'XA', 'Cẩm Vân', 'Cẩm Thủy', true],
  ['15178', 'XA', 'Cẩm Tân', 'Cẩm Thủy', true],
  ['15187', 'XA', 'Kim Tân', 'Thạch Thành', true],
  ['15190', 'XA', 'Vân Du', 'Thạch Thành', true],
  ['15199', 'XA', 'Thạch Quảng', 'Thạch Thành', true],
  ['15211', 'XA', 'Thạch Bình', 'Thạch Thành', true],
  ['15229', 'XA', 'Thành Vinh', 'Thạch Thành', true],
  ['15250', 'XA', 'Ngọc Trạo', 'Thạch Thành', true],
  ['15271', 'XA', 'Hà Trung', 'Hà Trung', true],
  ['15274', 'XA', 'Hà Long', 'Hà Trung', true],
  ['15286', 'XA', 'Hoạt Giang', 'Hà Trung', true],
  ['15298', 'XA', 'Lĩnh Toại', 'Hà Trung', true],
  ['15316', 'XA', 'Tống Sơn', 'Hà Trung', true],
  ['15349', 'XA', 'Vĩnh Lộc', 'Vĩnh Lộc', true],
  ['15361', 'XA', 'Tây Đô', 'Vĩnh Lộc', true],
  ['15382', 'XA', 'Biện Thượng', 'Vĩnh Lộc', true],
  ['15409', 'XA', 'Yên Phú', 'Yên Định', true],
  ['15412', 'XA', 'Quý Lộc', 'Yên Định', true],
  ['15421', 'XA', 'Yên Trường', 'Yên Định', true],
  ['15442', 'XA', 'Yên Ninh', 'Yên Định', true],
  ['15448', 'XA', 'Định Hòa', 'Yên Định', true],
  ['15457', 'XA', 'Định Tân', 'Yên Định', true],
  ['15469', 'XA', 'Yên Định', 'Yên Định', true],
  ['15499', 'XA', 'Thọ Xuân', 'Thọ Xuân', true],
  ['15505', 'XA', 'Thọ Long', 'Thọ Xuân', true],
  ['15520', 'XA', 'Xuân Hòa', 'Thọ Xuân', true],
  ['15544', 'XA', 'Lam Sơn', 'Thọ Xuân', true],
  ['15553', 'XA', 'Sao Vàng', 'Thọ Xuân', true],
  ['15568', 'XA', 'Thọ Lập', 'Thọ Xuân', true],
  ['15574', 'XA', 'Xuân Tín', 'Thọ Xuân', true],
  ['15592', 'XA', 'Xuân Lập', 'Thọ Xuân', true],
  ['15607', 'XA', 'Bát Mọt', 'Thường Xuân', false],
  ['15610', 'XA', 'Yên Nhân', 'Thường Xuân', false],
  ['15622', 'XA', 'Vạn Xuân', 'Thường Xuân', false],
  ['15628', 'XA', 'Lương Sơn', 'Thường Xuân', false],
  ['15634', 'XA', 'Luận Thành', 'Thường Xuân', true],
  ['15643', 'XA', 'Thắng Lộc', 'Thường Xuân', true],
  ['15646', 'XA', 'Thường Xuân', 'Thường Xuân', true],
  ['15658', 'XA', 'Xuân Chinh', 'Thường Xuân', true],
  ['15661', 'XA', 'Tân Thành', 'Thường Xuân', true],
  ['15664', 'XA', 'Triệu Sơn', 'Triệu Sơn', true],
  ['15667', 'XA', 'Thọ Bình', 'Triệu Sơn', true],
  ['15682', 'XA', 'Hợp Tiến', 'Triệu Sơn', true],
  ['15715', 'XA', 'Tân Ninh', 'Triệu Sơn', true],
  ['15724', 'XA', 'Đồng Tiến', 'Triệu Sơn', true],
  ['15754', 'XA', 'Thọ Ngọc', 'Triệu Sơn', true],
  ['15763', 'XA', 'Thọ Phú', 'Triệu Sơn', true],
  ['15766', 'XA', 'An Nông', 'Triệu Sơn', true],
  ['15772', 'XA', 'Thiệu Hóa', 'Thiệu Hóa', true],
  ['15778', 'XA', 'Thiệu Tiến', 'Thiệu Hóa', true],
  ['15796', 'XA', 'Thiệu Quang', 'Thiệu Hóa', true],
  ['15820', 'XA', 'Thiệu Toán', 'Thiệu Hóa', true],
  ['15835', 'XA', 'Thiệu Trung', 'Thiệu Hóa', true],
  ['15853', 'PHUONG', 'Đông Tiến', 'Thanh Hóa', true],
  ['15865', 'XA', 'Hoằng Hóa', 'Hoằng Hóa', true],
  ['15880', 'XA', 'Hoằng Giang', 'Hoằng Hóa', true],
  ['15889', 'XA', 'Hoằng Phú', 'Hoằng Hóa', true],
  ['15910', 'XA', 'Hoằng Sơn', 'Hoằng Hóa', true],
  ['15925', 'PHUONG', 'Nguyệt Viên', 'Thanh Hóa', true],
  ['15961', 'XA', 'Hoằng Lộc', 'Hoằng Hóa', true],
  ['15976', 'XA', 'Hoằng Châu', 'Hoằng Hóa', true],
  ['15991', 'XA', 'Hoằng Tiến', 'Hoằng Hóa', true],
  ['16000', 'XA', 'Hoằng Thanh', 'Hoằng Hóa', true],
  ['16012', 'XA', 'Hậu Lộc', 'Hậu Lộc', true],
  ['16021', 'XA', 'Triệu Lộc', 'Hậu Lộc', true],
  ['16033', 'XA', 'Đông Thành', 'Hậu Lộc', true],
  ['16072', 'XA', 'Hoa Lộc', 'Hậu Lộc', true],
  ['16078', 'XA', 'Vạn Lộc', 'Hậu Lộc', true],
  ['16093', 'XA', 'Nga Sơn', 'Nga Sơn', true],
  ['16108', 'XA', 'Tân Tiến', 'Nga Sơn', true],
  ['16114', 'XA', 'Nga Thắng', 'Nga Sơn', true],
  ['16138', 'XA', 'Hồ Vương', 'Nga Sơn', true],
  ['16144', 'XA', 'Nga An', 'Nga Sơn', true],
  ['16171', 'XA', 'Ba Đình', 'Nga Sơn', true],
  ['16174', 'XA', 'Như Xuân', 'Như Xuân', true],
  ['16177', 'XA', 'Xuân Bình', 'Như Xuân', true],
  ['16186', 'XA', 'Hóa Quỳ', 'Như Xuân', true],
  ['16213', 'XA', 'Thanh Phong', 'Như Xuân', true],
  ['16222', 'XA', 'Thanh Quân', 'Như Xuân', true],
  ['16225', 'XA', 'Thượng Ninh', 'Như Xuân', true],
  ['16228', 'XA', 'Như Thanh', 'Như Thanh', true],
  ['16234', 'XA', 'Xuân Du', 'Như Thanh', true],
  ['16249', 'XA', 'Mậu Lâm', 'Như Thanh', true],
  ['16258', 'XA', 'Xuân Thái', 'Như Thanh', false],
  ['16264', 'XA', 'Yên Thọ', 'Như Thanh', true],
  ['16273', 'XA', 'Thanh Kỳ', 'Như Thanh', true],
  ['16279', 'XA', 'Nông Cống', 'Nông Cống', true],
  ['16297', 'XA', 'Trung Chính', 'Nông Cống', true],
  ['16309', 'XA', 'Thắng Lợi', 'Nông Cống', true],
  ['16342', 'XA', 'Thăng Bình', 'Nông Cống', true],
  ['16348', 'XA', 'Trường Văn', 'Nông Cống', true],
  ['16363', 'XA', 'Tượng Lĩnh', 'Nông Cống', true],
  ['16369', 'XA', 'Công Chính', 'Nông Cống', true],
  ['16378', 'PHUONG', 'Đông Sơn', 'Thanh Hóa', true],
  ['16417', 'PHUONG', 'Đông Quang', 'Thanh Hóa', true],
  ['16438', 'XA', 'Lưu Vệ', 'Quảng Xương', true],
  ['16480', 'XA', 'Quảng Yên', 'Quảng Xương', true],
  ['16489', 'XA', 'Quảng Chính', 'Quảng Xương', true],
  ['16498', 'XA', 'Quảng Ngọc', 'Quảng Xương', true],
  ['16516', 'PHUONG', 'Nam Sầm Sơn', 'Sầm Sơn', true],
  ['16522', 'PHUONG', 'Quảng Phú', 'Thanh Hóa', true],
  ['16531', 'PHUONG', 'Sầm Sơn', 'Sầm Sơn', true],
  ['16540', 'XA', 'Quảng Ninh', 'Quảng Xương', true],
  ['16543', 'XA', 'Quảng Bình', 'Quảng Xương', true],
  ['16549', 'XA', 'Tiên Trang', 'Quảng Xương', true],
  ['16561', 'PHUONG', 'Tĩnh Gia', 'Nghi Sơn', true],
  ['16576', 'PHUONG', 'Ngọc Sơn', 'Nghi Sơn', true],
  ['16591', 'XA', 'Các Sơn', 'Nghi Sơn', true],
  ['16594', 'PHUONG', 'Tân Dân', 'Nghi Sơn', true],
  ['16597', 'PHUONG', 'Hải Lĩnh', 'Nghi Sơn', true],
  ['16609', 'PHUONG', 'Đào Duy Từ', 'Nghi Sơn', true],
  ['16624', 'PHUONG', 'Trúc Lâm', 'Nghi Sơn', true],
  ['16636', 'XA', 'Trường Lâm', 'Nghi Sơn', true],
  ['16645', 'PHUONG', 'Hải Bình', 'Nghi Sơn', true],
  ['16654', 'PHUONG', 'Nghi Sơn', 'Nghi Sơn', true],
];

/** Streets of the provincial capital (now phường Hạc Thành), for the agencies' addresses. */
export const CAPITAL_STREETS = [
  'Đại lộ Lê Lợi', 'đường Hạc Thành', 'đường Phan Chu Trinh', 'đường Trần Phú', 'đường Lý Thường Kiệt',
  'đường Nguyễn Trãi', 'đường Quang Trung', 'đường Lê Hoàn', 'đường Đội Cung', 'đường Hàm Nghi',
  'đường Tống Duy Tân', 'đường Cao Thắng', 'đường Bà Triệu', 'đường Lê Quý Đôn',
] as const;

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
  communeHall: [
    'Camera PTZ 20x, 2 TV 86 inch, micro hội nghị 40 vị trí, bộ trộn âm thanh, đường truyền 200 Mbps',
    'Camera PTZ 12x, màn hình LED 150 inch, micro hội nghị 30 vị trí, đường truyền 100 Mbps',
  ],
  secondRoom: [
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

/**
 * Meeting rooms that get a demo SITE account (username: the site code in lower case): the
 * province's hall, a department, both rooms of xã Hoằng Hóa (15865) and the hall of its neighbour
 * xã Hoằng Tiến (15991).
 */
export const DEMO_SITE_ACCOUNT_SITES = ['TINH', 'SO-YTE', '15865', '15865-2', '15991'] as const;

export const DEFAULT_DEMO_PASSWORD = 'Demo@2026';
