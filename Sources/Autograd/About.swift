// Autograd: Reverse-mode automatic differentiation over tensors; each operation's backward sits beside its forward.
