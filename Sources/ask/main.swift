import AskCommandLine

// The command line's commands live in AskCommandLine, which `ask-server` shares.
Ask.main()
