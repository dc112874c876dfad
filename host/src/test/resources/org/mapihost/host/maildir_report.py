"""Reads Maildir++ stores with Python's own mailbox module, independently of mapihost.

Usage: python3 maildir_report.py LABEL=ROOT ...

For every message in every folder of each store (the root is the Inbox, ".Name" directories are
the other folders) prints one tab-separated line:

    M <label> <folder> <subdir> <key> <subject> <problem>

where <problem> is "-" when the message parses: RFC 5322 headers without defects, a Subject, a
From, a Message-ID, and a text body that names the subject and ends with the marker " end" (a
half-written file loses it).
Ends with "DONE <count>"; exits 2 when a store cannot be opened.
"""
import mailbox
import sys


def problem(message):
    problems = [type(d).__name__ for d in message.defects]
    for header in ("Subject", "From", "Message-ID"):
        if message[header] is None:
            problems.append("no " + header)
    if message.is_multipart():
        problems.append("multipart")
    else:
        body = message.get_payload(decode=True) or b""
        subject = (message["Subject"] or "").encode("utf-8", "replace")
        if not body.rstrip().endswith(b" end") or subject not in body:
            problems.append("the body does not name the subject and end with the marker: %r" % body[-60:])
    return "; ".join(problems) if problems else "-"


def report(label, maildir, folder):
    count = 0
    for key in sorted(maildir.keys()):
        try:
            message = maildir.get_message(key)
            subject = str(message["Subject"] or "").replace("\t", " ").replace("\n", " ")
            print("M", label, folder, message.get_subdir(), key, subject, problem(message), sep="\t")
        except Exception as e:  # an unreadable file is a finding, not the end of the report
            print("M", label, folder, "?", key, "", "unreadable: %s" % e, sep="\t")
        count += 1
    return count


def main(args):
    total = 0
    for arg in args:
        label, _, root = arg.partition("=")
        try:
            inbox = mailbox.Maildir(root, factory=None, create=False)
            total += report(label, inbox, "Inbox")
            for name in sorted(inbox.list_folders()):
                total += report(label, inbox.get_folder(name), name)
        except mailbox.NoSuchMailboxError as e:
            print("cannot open the Maildir %s: %s" % (root, e), file=sys.stderr)
            return 2
    print("DONE", total, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
