from email.message import EmailMessage
from email import message_from_string, message_from_bytes, policy
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication
from email.utils import formataddr, parseaddr, getaddresses, format_datetime, parsedate_to_datetime, make_msgid
from email.header import Header, decode_header
import datetime

msg = EmailMessage()
msg["From"] = formataddr(("Ann Example", "ann@example.com"))
msg["To"] = "bob@example.org, Carl <carl@example.net>"
msg["Subject"] = "Quarterly report – Q3 ✓"
msg["Date"] = format_datetime(datetime.datetime(2024, 3, 5, 14, 30, tzinfo=datetime.timezone.utc))
msg["Message-ID"] = "<1234@example.com>"
msg.set_content("Hello Bob,\n\nPlease find the report attached.\n\n-- Ann\n")
msg.add_alternative("<html><body><p>Hello <b>Bob</b></p></body></html>", subtype="html")
msg.add_attachment(b"col1,col2\n1,2\n", maintype="text", subtype="csv", filename="report.csv")
msg.add_attachment(bytes(range(40)), maintype="application", subtype="octet-stream", filename="blob.bin")
print(msg.get_content_type(), msg.is_multipart(), len(msg.get_payload()))
raw = msg.as_bytes(policy=policy.SMTP)
print(len(raw) > 500, raw.count(b"\r\n") > 10)
parsed = message_from_bytes(raw, policy=policy.default)
print(parsed["Subject"], "|", parsed["From"], "|", parsed["To"])
print([a.addr_spec for a in parsed["To"].addresses], parsed["To"].addresses[1].display_name)
print(parsed["Date"].datetime, parsed["Message-ID"])
for part in parsed.walk():
    print(part.get_content_type(), part.get_filename(), part.get_content_disposition(), part.get_content_charset())
body = parsed.get_body(preferencelist=("plain",))
print(repr(body.get_content()))
html = parsed.get_body(preferencelist=("html",))
print(html.get_content().strip())
for att in parsed.iter_attachments():
    data = att.get_content()
    print(att.get_filename(), type(data).__name__, len(data))

mm = MIMEMultipart("mixed", boundary="BOUNDARY42")
mm["Subject"] = Header("Grüße aus Köln", "utf-8")
mm["From"] = "x@example.com"
mm.attach(MIMEText("plain body", "plain", "utf-8"))
mm.attach(MIMEText("<p>hi</p>", "html"))
app = MIMEApplication(b"\x00\x01\x02binary", Name="data.bin")
app["Content-Disposition"] = 'attachment; filename="data.bin"'
mm.attach(app)
s = mm.as_string()
print(s)
back = message_from_string(s)
print(decode_header(back["Subject"]))
print([p.get_content_type() for p in back.get_payload()], back.get_boundary())
print(back.get_payload(2).get_payload(decode=True))
print(parseaddr("Some One <some.one@example.com>"), parseaddr("bad address"))
print(getaddresses(["a@b.c, Dee <d@e.f>", "\"Last, First\" <lf@x.y>"]))
print(parsedate_to_datetime("Tue, 05 Mar 2024 14:30:00 +0100"))
print(make_msgid(idstring="x", domain="example.com").endswith("@example.com>"))
m2 = message_from_string("Subject: hi\nX-Custom: one\nX-Custom: two\n\nbody text\n")
print(m2.get_all("X-Custom"), m2.keys(), m2.get_payload(), m2["missing"], m2.get("missing", "dflt"))
del m2["X-Custom"]
m2.replace_header("Subject", "changed")
print(m2.items())
