from decree.cli import main

main()
