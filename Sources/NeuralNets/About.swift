// NeuralNets: Layers, losses, optimisers, schedules and training-loop helpers built on Autograd.
