import FineTuning

/// Reference sentences for the data-quality demo's language identifier, and the Spanish and
/// German instructions it injects as junk. Written without accents so the fine-tuning lab's
/// character tokenizer can still read them (unfiltered training uses them as they are).
enum LanguageSamples {
    static let english = [
        "the weather was cold and the children stayed inside all day.",
        "please write your name at the top of the page before you start.",
        "what is the capital of the country where you were born?",
        "she added the numbers in her head and wrote down the total.",
        "turn the word around and read it from the last letter to the first.",
        "a model is trained on text and learns which word comes next.",
        "how many apples are left if you eat three of them?",
        "write the answer in big letters so everyone can read it.",
        "the ship left the harbor when the moon was high.",
        "compute the sum of two and seven, then check it twice.",
        "the reverse of the word is the same letters in the other order.",
        "we keep only the examples that answer the question.",
    ]
    static let spanish = [
        "el tiempo estaba frio y los ninos se quedaron en casa todo el dia.",
        "por favor escribe tu nombre arriba de la pagina antes de empezar.",
        "cual es la capital del pais donde naciste?",
        "ella sumo los numeros de memoria y escribio el total.",
        "da la vuelta a la palabra y leela desde la ultima letra.",
        "un modelo se entrena con texto y aprende que palabra viene despues.",
        "cuantas manzanas quedan si te comes tres de ellas?",
        "escribe la respuesta en letras grandes para que todos la lean.",
        "el barco salio del puerto cuando la luna estaba alta.",
        "calcula la suma de dos y siete, y luego revisala otra vez.",
        "guardamos solo los ejemplos que responden la pregunta.",
        "las palabras al reves tienen las mismas letras en otro orden.",
    ]
    static let german = [
        "das wetter war kalt und die kinder blieben den ganzen tag drinnen.",
        "bitte schreibe deinen namen oben auf die seite, bevor du anfaengst.",
        "was ist die hauptstadt des landes, in dem du geboren bist?",
        "sie addierte die zahlen im kopf und schrieb die summe auf.",
        "dreh das wort um und lies es vom letzten buchstaben an.",
        "ein modell wird mit text trainiert und lernt, welches wort folgt.",
        "wie viele aepfel bleiben, wenn du drei davon isst?",
        "schreibe die antwort in grossen buchstaben, damit alle sie lesen.",
        "das schiff verliess den hafen, als der mond hoch stand.",
        "berechne die summe von zwei und sieben und pruefe sie noch einmal.",
        "wir behalten nur die beispiele, die die frage beantworten.",
        "ein wort rueckwaerts hat dieselben buchstaben in anderer reihenfolge.",
    ]

    /// Labeled training texts for ``LanguageIdentifier``.
    static var training: [(label: String, text: String)] {
        english.map { ("en", $0) } + spanish.map { ("es", $0) } + german.map { ("de", $0) }
    }

    /// An instruction for a fact asked in Spanish ("es") or German ("de").
    static func foreignInstruction(task: String, key: String, language: String, variant: Int) -> String {
        let parts = key.split(separator: "+").map(String.init)
        switch (task, language) {
        case ("reverse", "es"): return ["Escribe la palabra \(key) al reves.", "Da la vuelta a la palabra \(key)."][variant % 2]
        case ("capitals", "es"): return ["Escribe \(key) en mayusculas.", "Pon la palabra \(key) en letras grandes."][variant % 2]
        case ("sum", "es"): return ["Cuanto es \(parts[0]) mas \(parts[1])?", "Suma \(parts[0]) y \(parts[1])."][variant % 2]
        case ("reverse", _): return ["Schreibe das Wort \(key) rueckwaerts.", "Dreh das Wort \(key) um."][variant % 2]
        case ("capitals", _): return ["Schreibe \(key) in Grossbuchstaben.", "Schreibe das Wort \(key) gross."][variant % 2]
        default: return ["Was ist \(parts[0]) plus \(parts[1])?", "Addiere \(parts[0]) und \(parts[1])."][variant % 2]
        }
    }
}
