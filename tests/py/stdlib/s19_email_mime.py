# Building and parsing MIME mail like a notification service: multipart/
# alternative with HTML, inline and attached parts, encoded-word headers,
# quoted-printable and base64 bodies, the compat32 and default policies,
# header folding, and walking a parsed message.
import email
import email.policy
import re
from email import encoders
from email.header import Header, decode_header, make_header
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.message import EmailMessage
from email.utils import formataddr, formatdate


def stable(text):
    text = re.sub(r"={15}\d+==", "===BOUNDARY==", text)
    return re.sub(r'boundary="[^"]+"', 'boundary="B"', text)


msg = MIMEMultipart("alternative")
msg["Subject"] = Header("Résumé of your order № 42 — thanks!", "utf-8")
msg["From"] = formataddr(("Shop Bot", "bot@shop.example"))
msg["To"] = formataddr(("Zoë Ünicode", "zoe@example.org"))
msg["Date"] = formatdate(1700000000, localtime=False)
msg.attach(MIMEText("Hello Zoë,\nyour order ships today.\n", "plain", "utf-8"))
msg.attach(MIMEText("<p>Hello <b>Zoë</b>, your order ships today.</p>", "html", "utf-8"))
outer = MIMEMultipart("mixed")
for k in ("Subject", "From", "To", "Date"):
    outer[k] = msg[k]
del msg["Subject"], msg["From"], msg["To"], msg["Date"]
outer.attach(msg)
outer.attach(MIMEApplication(b"%PDF-1.4 fake pdf bytes\x00\x01", "pdf", Name="invoice.pdf"))
part = MIMEBase("text", "csv")
part.set_payload("sku,qty\nW1,3\n".encode())
encoders.encode_base64(part)
part.add_header("Content-Disposition", "attachment", filename="items.csv")
outer.attach(part)
qp = MIMEText("A long line with accents é à ü that goes past the seventy-six character limit for sure = yes.\n",
              "plain", "iso-8859-1")
outer.attach(qp)
text = outer.as_string()
print(stable(text))

parsed = email.message_from_string(text)
print(parsed.get_content_type(), parsed.is_multipart(), len(parsed.get_payload()))
print(decode_header(parsed["Subject"]), str(make_header(decode_header(parsed["Subject"]))))
for p in parsed.walk():
    print(p.get_content_type(), p.get_content_charset(), p.get_filename(), p["Content-Transfer-Encoding"],
          None if p.is_multipart() else len(p.get_payload(decode=True)))
print(parsed.get_payload(0).get_payload(0).get_payload(decode=True).decode("utf-8"))
print(parsed.get_payload()[-1].get_payload(decode=True).decode("iso-8859-1"))

modern = email.message_from_string(text, policy=email.policy.default)
print(modern["subject"], modern["to"].addresses[0].display_name, modern["to"].addresses[0].domain)
body = modern.get_body(preferencelist=("html", "plain"))
print(body.get_content_type(), body.get_content().strip())
print([a.get_filename() for a in modern.iter_attachments()])

em = EmailMessage(policy=email.policy.SMTP)
em["Subject"] = "A very long subject line " + "that keeps going " * 6
em["From"] = "Ann <ann@example.com>"
em["To"] = ["bob@example.com", "Cy <cy@example.org>"]
em["X-Custom"] = "value with ünïcode"
em.set_content("plain body\n")
em.add_alternative("<p>html body</p>\n", subtype="html")
em.add_attachment(b"\x89PNG fake", maintype="image", subtype="png", filename="pic.png", cid="<img1>")
raw = em.as_bytes()
print(stable(raw.decode("ascii")))
print(raw.count(b"\r\n") > 10, b"\n\n" not in raw.replace(b"\r\n", b""))
print(em.get_content_type(), [p.get_content_type() for p in em.iter_parts()])
h = Header("ascii only")
h.append(" and ünïcode", "utf-8")
print(h.encode(), Header("x" * 100, "utf-8").encode()[:60])
print(email.utils.getaddresses(["=?utf-8?q?Zo=C3=AB?= <z@x.org>"]), email.header.decode_header("=?iso-8859-1?q?caf=E9?="))
