"""Has a __main__ guard that must not run on import."""


def main():
    print("mainguard.main() ran")
    return 0


if __name__ == "__main__":
    print("mainguard run as a script")
    main()
else:
    print("mainguard imported as", __name__)
