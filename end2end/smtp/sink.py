#!/usr/bin/env python3
"""A real SMTP server for the portal's tests (aiosmtpd, on loopback).

Every accepted mail is written to FOLDER as one JSON file (envelope, subject,
Message-ID, the decoded text body, the MIME headers a strict client needs to decode
it: MIME-Version, content type, charset, transfer encoding, and each attachment's
name, type and text), so a test reads what
arrived as a mail client would see it. Prints "ready" once it listens and stops when its standard input closes,
so a test stops it (the mail server is down) and starts it again on the same port.
"""

import argparse
import email
import email.policy
import json
import os
import sys
import uuid

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(message["subject"] or ""),
            "message_id": str(message["message-id"] or ""),
            "body": body.get_content() if body is not None else "",
            "mime_version": str(message["mime-version"] or ""),
            "content_type": message.get_content_type() if "content-type" in message else "",
            # Of the text part, which is the whole message when it has no attachments.
            "charset": str((body or message).get_content_charset() or ""),
            "transfer_encoding": str((body or message)["content-transfer-encoding"] or ""),
            "attachments": [
                {
                    "filename": part.get_filename() or "",
                    "content_type": part.get_content_type(),
                    "text": part.get_content() if part.get_content_maintype() == "text" else "",
                }
                for part in message.iter_attachments()
            ],
        }
        name = uuid.uuid4().hex
        partial = os.path.join(self.folder, f".{name}.partial")
        with open(partial, "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(partial, os.path.join(self.folder, f"{name}.json"))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    controller = Controller(Keep(args.folder), hostname="127.0.0.1", port=args.port)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
