"""The test suite of inspection_letters (a package, so that tests share ``tests.helpers``)."""
