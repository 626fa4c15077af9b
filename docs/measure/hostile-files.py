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
