// LLMCourseKit: the library a learner's exercise file is compiled against.
// It re-exports the course's ML modules so one `import LLMCourseKit` is enough.
@_exported import Tensors
@_exported import Autograd
@_exported import NeuralNets
@_exported import Fundamentals
@_exported import Transformers
@_exported import Decoding
@_exported import Quantization
@_exported import FineTuning
@_exported import Alignment
@_exported import CheckProtocol
@_exported import Retrieval
@_exported import Evaluation
@_exported import Security
@_exported import Templating
@_exported import Serving
@_exported import LoadTesting
@_exported import Agents
