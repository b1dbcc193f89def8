"""Helpers shared by the tiny-random-config generators (no torch)."""


def divisors(n, lo=1, hi=None):
    return [d for d in range(lo, (hi or n) + 1) if n % d == 0]


def heads_and_dim(r, even=False, lo=48, hi=160):
    """(heads, head_dim) with heads*head_dim in [lo, hi]."""
    while True:
        h = r.choice([1, 2, 3, 4, 5, 6, 7, 8, 10, 12])
        hd = r.randint(max(2, -(-lo // h)), hi // h)
        if even and hd % 2:
            continue
        if lo <= h * hd <= hi:
            return h, hd
