// The CLI's help text.
export const USAGE = `dvcq — đánh giá, phân loại công tác dân vận chính quyền (bản dòng lệnh, tệp .xlsx/.docx)

Cách dùng: dvcq <lệnh> <thư mục làm việc> [tùy chọn]

Lệnh:
  init <thư mục> [--sample [tên]] Tạo bảng điều khiển dieu-khien.xlsx (--sample: kèm dữ liệu mẫu; tên:
                                  quang-ngai-2025 — tỉnh sau sắp xếp, mặc định — hoặc binh-son-2024)
  templates <thư mục> [--upgrade] Tạo biểu mẫu chấm điểm cho từng đơn vị (không ghi đè tệp đã có;
                                  --upgrade: tạo lại biểu mẫu làm từ bộ tiêu chí cũ, giữ mọi điểm đã nhập)
  submit <thư mục> <mã đơn vị>…   Nộp kết quả (từ chối nếu biểu mẫu còn lỗi)
  reopen <thư mục> <mã đơn vị>…   Mở lại để đơn vị chấm tiếp
  status <thư mục> "<trạng thái>" <mã đơn vị>… [--han <ngày/tháng/năm>]
                                  Chuyển trạng thái theo vòng thẩm định (Trả lại để giải trình, Đã thẩm định,
                                  Đã công nhận); từ chối bước không đúng trình tự. Trả lại để giải trình:
                                  hạn là --han, nếu không ghi thì «Hạn giải trình» ở sheet «Cấu hình»
  explain <thư mục> <mã đơn vị>…  Ghi nhận giải trình của đơn vị đã bị trả lại (cột «Giải trình» trong biểu mẫu)
  validate <thư mục> [--json]     Kiểm tra dữ liệu, ghi sheet «Kiểm tra» (mã thoát 1 khi có lỗi)
  rank <thư mục> [--json]         Tổng hợp & xếp hạng, ghi sheet «Kết quả»
  report <thư mục> [--final] [--template <mẫu.docx>] [--decision-template <mẫu.docx>]
                                  Tạo báo cáo và quyết định xếp loại (.docx); bản cũ được giữ lại.
                                  Còn đơn vị chưa nộp hoặc hồ sơ chưa hợp lệ: văn bản ghi «DỰ THẢO»;
                                  --final: tạo bản chính thức, từ chối và liệt kê đơn vị còn vướng
  template export <thư mục>       Ghi mẫu báo cáo, mẫu quyết định mặc định (.docx) và hướng dẫn chỗ đánh dấu
                                  vào «<thư mục>/Mẫu văn bản/» để sửa rồi dùng với report --template
  template guide                  In hướng dẫn mọi chỗ đánh dấu {{…}} của mẫu (Markdown)
  remind <thư mục>                Soạn thư nhắc đơn vị chưa nộp sau «Hạn nộp» (.eml và tong-hop.csv; không gửi)
  demo [thư mục] [--sample <tên>] Chạy toàn bộ trên dữ liệu mẫu (mặc định: demo-output/, mẫu quang-ngai-2025)
  help                            Hiện hướng dẫn này

Biến môi trường: DVCQ_DEBUG=1 in chi tiết lỗi kỹ thuật.`;
