// dvcq init <ws> [--sample [name]]: a new control workbook (Bảng điều khiển).
import { newControlSheets } from '../../core/control-template';
import { SampleName, SAMPLES } from '../../core/samples';
import { Context } from '../context';
import { UserError } from '../errors';
import { exists } from '../files';
import { controlPath } from '../workspace';
import { ControlWorkbook } from '../xlsx/control-workbook';

export interface InitOptions {
  sample?: SampleName;
}

export async function init(ws: string, opts: InitOptions, ctx: Context): Promise<number> {
  const file = controlPath(ws);
  if (exists(file)) {
    throw new UserError(
      `đã có bảng điều khiển «${file}»; không ghi đè để không mất dữ liệu. ` +
        'Muốn tạo lại từ đầu: đổi tên (hoặc xóa) tệp này rồi chạy lại, hoặc chọn một thư mục khác.',
    );
  }
  const year = ctx.now().getFullYear();
  const book = ControlWorkbook.create(ws, newControlSheets({ year, sample: opts.sample }));
  const control = book.read();
  book.log(ctx.now(), ctx.user(), 'Khởi tạo bảng điều khiển', opts.sample ? SAMPLES[opts.sample].label : `Năm ${year}`);
  await book.save();
  ctx.out(`Đã tạo bảng điều khiển «${file}» (năm ${control.settings.year}${opts.sample ? `, ${control.units.length} đơn vị mẫu` : ''}).`);
  ctx.out(
    opts.sample
      ? `Bước tiếp theo: dvcq templates ${ws}`
      : `Bước tiếp theo: nhập danh sách đơn vị vào sheet «Đơn vị», kiểm tra sheet «Tiêu chí» và «Cấu hình», rồi chạy: dvcq templates ${ws}`,
  );
  return 0;
}
