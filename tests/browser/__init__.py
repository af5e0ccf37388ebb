"""Tests in real parts: Debian's Chromium driven by Playwright, Debian's nginx, Pagefind's index."""
