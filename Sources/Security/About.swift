// Security: attacks on language-model applications and models, and the defenses against them,
// each measured on the course's own tiny models (the security chapter).
//
// Map of the module:
//   PromptInjection/  untrusted text in a prompt: delimiting with escaping, an injection filter,
//                     the retrieval-with-notes task a model is tuned on with and without an
//                     instruction hierarchy
//   Poisoning/        backdoors planted through poisoned fine-tuning data, and their detection by
//                     spectral signatures of the model's representations
//   Refusal/          the refusal direction (difference of means of residual activations) and
//                     abliteration (projecting it out of the weights)
//   RedTeam/          a probe list run against any responder, with rates per category
