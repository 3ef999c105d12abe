// dvcq remind: one .eml per late unit (read back as a mail program would) and a summary .csv;
// nothing is sent, and a second run the same week writes nothing new.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { main } from '../../src/node/cli';
import { capture, openBook, removeTmpDirs, rowsOf, text, tmpDir } from './helpers';

afterAll(removeTmpDirs);

describe('dvcq remind', () => {
  const ws = path.join(tmpDir(), 'ws');
  const folder = path.join(ws, 'Dân vận chính quyền 2024', 'Nhắc nộp 2024-11-20');

  beforeAll(async () => {
    expect(await main(['init', ws, '--sample', 'binh-son-2024'], capture())).toBe(0);
    expect(await main(['templates', ws], capture())).toBe(0);
  });

  it('writes an e-mail to the late unit’s scorer and a summary, and records it', async () => {
    const ctx = capture(new Date(2024, 10, 20, 9, 30));
    expect(await main(['remind', ws], ctx)).toBe(0);
    expect(ctx.text()).toContain('1/33 đơn vị chưa nộp sau hạn 15/11/2024; nhắc 1 đơn vị.');
    expect(fs.readdirSync(folder).sort()).toEqual(['BS-P09 - Phòng Y tế.eml', 'tong-hop.csv']);

    const mail = await simpleParser(fs.readFileSync(path.join(folder, 'BS-P09 - Phòng Y tế.eml')));
    expect(mail.subject).toBe('Nhắc nộp kết quả tự chấm điểm công tác dân vận chính quyền năm 2024 — Phòng Y tế');
    expect((mail.to as { text: string }).text).toBe('yte.binhson@example.com');
    expect(mail.text).toContain('Kính gửi: Phòng Y tế');
    expect(mail.text).toContain('Hạn nộp kết quả tự chấm điểm công tác dân vận chính quyền năm 2024 là ngày 15/11/2024 (đã quá 5 ngày).');
    expect(mail.text).toMatch(/Còn thiếu: \d+ tiêu chí chưa chấm \(C1\.1, /);
    expect(mail.text).toContain('Biểu mẫu chấm điểm của đơn vị: Dân vận chính quyền 2024/Khối cơ quan chuyên môn/BS-P09 - Phòng Y tế.xlsx');

    const csv = fs.readFileSync(path.join(folder, 'tong-hop.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFMã đơn vị,Tên đơn vị,Email,Tiêu đề,Tệp thư')).toBe(true);
    expect(csv).toContain('BS-P09,Phòng Y tế,yte.binhson@example.com,');

    const wb = await openBook(path.join(ws, 'dieu-khien.xlsx'));
    const sent = rowsOf(wb.getWorksheet('Nhắc nộp')!, ['Năm', 'Mã đơn vị', 'Email', 'Thời điểm gửi']);
    expect(sent.map((r) => [text(r['Năm']), text(r['Mã đơn vị']), text(r['Email'])])).toEqual([
      ['2024', 'BS-P09', 'yte.binhson@example.com'],
    ]);
    const log = rowsOf(wb.getWorksheet('Nhật ký')!, ['Thao tác', 'Chi tiết']);
    expect(log.some((r) => text(r['Thao tác']) === 'Nhắc đơn vị chưa nộp')).toBe(true);
  });

  it('does not write the same reminder again within the week', async () => {
    const ctx = capture(new Date(2024, 10, 21, 9, 30));
    expect(await main(['remind', ws], ctx)).toBe(0);
    expect(ctx.text()).toContain('nhắc 0 đơn vị; 1 đơn vị đã được nhắc trong 7 ngày qua nên không nhắc lại');
    expect(fs.existsSync(path.join(ws, 'Dân vận chính quyền 2024', 'Nhắc nộp 2024-11-21'))).toBe(false);
  });
});
