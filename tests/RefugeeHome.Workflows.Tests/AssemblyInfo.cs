// Each test starts its own emulator and runtime; two at a time keep a two-core machine responsive.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
