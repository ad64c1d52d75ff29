from pursuit.launch import main

raise SystemExit(main())
