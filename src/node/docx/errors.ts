// docxtemplater errors → one Vietnamese message that names the faulty placeholder.

interface TemplateErrorProps {
  id?: string;
  xtag?: string;
  context?: string;
  openingtag?: string;
  closingtag?: string;
  explanation?: string;
  errors?: Array<{ properties?: TemplateErrorProps }>;
}

const bare = (s: string | undefined) =>
  String(s ?? '')
    .replace(/[{}]/g, '')
    .trim();

function describeOne(p: TemplateErrorProps): string {
  const tag = bare(p.xtag);
  switch (p.id) {
    case 'unclosed_loop':
      return `vòng lặp {{#${tag}}} không có thẻ đóng {{/${tag}}}`;
    case 'unopened_loop':
      return `thẻ đóng {{/${tag}}} không có thẻ mở {{#${tag}}}`;
    case 'closing_tag_does_not_match_opening_tag':
      return `thẻ {{#${bare(p.openingtag)}}} lại được đóng bằng {{/${bare(p.closingtag)}}}`;
    case 'unclosed_tag':
      return `trường «${p.context ?? tag}» thiếu dấu đóng «}}»`;
    case 'unopened_tag':
      return `trường «${p.context ?? tag}» thiếu dấu mở «{{»`;
    case 'duplicate_open_tag':
      return `trường «${p.context ?? tag}» có dấu «{{» thừa`;
    case 'duplicate_close_tag':
      return `trường «${p.context ?? tag}» có dấu «}}» thừa`;
    case 'unbalanced_loop_tags':
      return 'các vòng lặp lồng nhau không đúng thứ tự (một vòng lặp đóng trước vòng lặp nằm trong nó)';
    case 'loop_position_invalid':
      return `thẻ mở và thẻ đóng của {{#${tag}}} phải cùng nằm trong một bảng hoặc cùng nằm ngoài bảng`;
    case 'malformed_xml':
    case 'file_has_invalid_xml':
      return 'nội dung tệp bị hỏng (XML không hợp lệ)';
    default:
      return tag ? `trường {{${tag}}} không hợp lệ (${p.id ?? 'lỗi không rõ'})` : `lỗi không rõ (${p.id ?? p.explanation ?? ''})`;
  }
}

/** An Error with a Vietnamese message for a template that docxtemplater cannot compile or render. */
export function templateError(e: unknown, what = 'Mẫu văn bản'): Error {
  const props = (e as { properties?: TemplateErrorProps })?.properties;
  if (!props) {
    const detail = e instanceof Error ? e.message : String(e);
    return new Error(
      `${what} không phải tệp .docx hợp lệ (${detail}). Lưu mẫu dưới dạng «Word Document (.docx)» rồi chạy lại, ` +
        'hoặc bắt đầu từ mẫu mặc định: «dvcq template export <thư mục>».',
    );
  }
  const all = props.errors?.length ? props.errors.map((x) => x.properties ?? {}) : [props];
  const messages = [...new Set(all.map(describeOne))];
  return new Error(
    `${what} có lỗi: ${messages.join('; ')}. Sửa mẫu trong Word hoặc LibreOffice rồi chạy lại ` +
      '(cách viết mọi chỗ đánh dấu: «dvcq template guide»; mẫu mặc định để bắt đầu: «dvcq template export <thư mục>»).',
  );
}
