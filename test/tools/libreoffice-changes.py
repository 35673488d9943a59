"""Accepts or rejects every tracked change of Word documents in LibreOffice, and saves their text.

Usage: python3 libreoffice-changes.py PROFILE_DIR MODE:IN.docx:OUT.txt ...

MODE is `accept` (.uno:AcceptAllTrackedChanges), `reject` (.uno:RejectAllTrackedChanges) or
`keep` (the document as it is, changes shown). One headless LibreOffice serves all the files; it
runs with a profile of its own (PROFILE_DIR) so that parallel runs never share one. Needs Python
with the UNO bridge (Debian: python3-uno).
"""

import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    profile, jobs = sys.argv[1], sys.argv[2:]
    pipe = "covenant%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(600):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if office.poll() is not None:
                    raise SystemExit("soffice exited with %d before it accepted a connection" % office.returncode)
                time.sleep(0.1)
        if context is None:
            raise SystemExit("soffice did not accept a connection within 60 s")
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        for job in jobs:
            mode, source, target = job.split(":", 2)
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
            frame = document.getCurrentController().getFrame()
            if mode == "accept":
                dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
            elif mode == "reject":
                dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
            elif mode != "keep":
                raise SystemExit("unknown mode %r (accept, reject or keep)" % mode)
            document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
            document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
