"""Installs the brink Python package (pure Python; cffi in ABI mode loads
libbrink.so at import, so nothing is compiled).  Offline, from Debian's
python3-cffi, python3-numpy and python3-pandas:

    pip install ./python          (add --break-system-packages outside a venv)
"""
from setuptools import setup

setup(
    name="brink",
    version="0.1.0",
    description="Simulate and forecast nuclear crisis bargaining; solve Gambit games",
    license="MIT",
    packages=["brink"],
    python_requires=">=3.9",
    install_requires=["cffi>=1.12", "pandas>=1.1", "numpy"],
)
