"""LibreOffice conversion shared by the fixture generators."""
import os
import shutil
import subprocess
import sys
import tempfile


def convert(path, fmt, destination, ext):
    """Converts PATH with LibreOffice's --convert-to FMT and stores the file it
    makes (extension EXT) as DESTINATION. Without LibreOffice, says so and
    returns False: the committed fixtures stay as they are."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print(f"soffice not found: {destination} not made", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as work:
        # A profile of its own, so a running LibreOffice does not swallow the job.
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", fmt, "--outdir", work, path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = os.path.join(work, os.path.splitext(os.path.basename(path))[0] + "." + ext)
        shutil.move(made, destination)
    return True


def convert_all(paths, fmt, outdir):
    """Converts every file in PATHS to FMT (its extension too) in OUTDIR with one
    LibreOffice start, which costs more than a conversion. Without LibreOffice,
    says so and returns False."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print(f"soffice not found: no {fmt} made in {outdir}", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", fmt, "--outdir", outdir, *paths],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return True
