// Tensors: Dense Float32 tensors, kernels (OpenBLAS plus readable reference loops) and a seeded random generator.
