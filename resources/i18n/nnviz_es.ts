<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ControlsPanel</name>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="118"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="135"/>
        <source>standardise inputs (x − mean) / std</source>
        <translation>estandarizar entradas (x − media) / desv.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="140"/>
        <source>Give the network %s as an extra input (2-D data)</source>
        <translation>Dar a la red %s como entrada extra (datos 2-D)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="144"/>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="145"/>
        <source>Draw new points (next data seed)</source>
        <translation>Generar puntos nuevos (siguiente semilla de datos)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="147"/>
        <source>dataset</source>
        <translation>conjunto</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="148"/>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="149"/>
        <source>noise</source>
        <translation>ruido</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="150"/>
        <source>test split</source>
        <translation>fracción de prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="151"/>
        <source>data seed</source>
        <translation>semilla de datos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="153"/>
        <source>extra inputs</source>
        <translation>entradas extra</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="166"/>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="169"/>
        <source>Neurons per hidden layer, e.g. 4, 4 (empty: none)</source>
        <translation>Neuronas por capa oculta, p. ej. 4, 4 (vacío: ninguna)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="171"/>
        <source>+ layer</source>
        <translation>+ capa</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="171"/>
        <source>− layer</source>
        <translation>− capa</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="172"/>
        <source>Add a hidden layer</source>
        <translation>Añadir una capa oculta</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="173"/>
        <source>Remove the last hidden layer</source>
        <translation>Quitar la última capa oculta</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="189"/>
        <source>Seed of the initial weights</source>
        <translation>Semilla de los pesos iniciales</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="190"/>
        <source>freeze biases</source>
        <translation>congelar sesgos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="191"/>
        <source>Keep every b[l] fixed (as some hand-worked examples do)</source>
        <translation>Mantener fijos todos los b[l] (como en algunos ejemplos resueltos a mano)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="194"/>
        <source>hidden layers</source>
        <translation>capas ocultas</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="196"/>
        <source>activation</source>
        <translation>activación</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="197"/>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="198"/>
        <source>weight seed</source>
        <translation>semilla de pesos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="206"/>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="212"/>
        <source>Examples per gradient step (m)</source>
        <translation>Ejemplos por paso de gradiente (m)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="223"/>
        <source>L2 rate λ: J + (λ/2)·Σ‖W‖²</source>
        <translation>Tasa L2 λ: J + (λ/2)·Σ‖W‖²</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="234"/>
        <source>learning rate α</source>
        <translation>tasa de aprendizaje α</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="235"/>
        <source>batch size</source>
        <translation>tamaño de lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="236"/>
        <source>optimizer</source>
        <translation>optimizador</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="237"/>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="238"/>
        <source>speed</source>
        <translation>velocidad</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="244"/>
        <source>How long the forward/backward animation of one step lasts</source>
        <translation>Duración de la animación hacia adelante/atrás de un paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="247"/>
        <source>pass animation</source>
        <translation>animación de la pasada</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="251"/>
        <source>Drawing</source>
        <translation>Dibujo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="256"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="257"/>
        <source>Colour scale of the weights: &apos;auto&apos; follows the largest |w|; a value fixes it (larger |w| clamp)</source>
        <translation>Escala de color de los pesos: &apos;auto&apos; sigue al mayor |w|; un valor la fija (los |w| mayores se saturan)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="263"/>
        <source>batch mean</source>
        <translation>media del lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="264"/>
        <source>Neurons show the activation of this example of the batch, or the batch mean</source>
        <translation>Las neuronas muestran la activación de este ejemplo del lote, o la media del lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="271"/>
        <source>Significant digits of the numbers in the inspector and the worked example</source>
        <translation>Cifras significativas de los números del inspector y del ejemplo resuelto</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="274"/>
        <source>weight scale</source>
        <translation>escala de pesos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="275"/>
        <source>neurons show</source>
        <translation>las neuronas muestran</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="276"/>
        <source>digits</source>
        <translation>cifras</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="387"/>
        <source>max</source>
        <extracomment>data sets whose points are fixed: the number of points, noise, split and seed don&apos;t apply (as for a preset&apos;s inline data or a CSV file, whose names are not in DATASETS)</extracomment>
        <translation>máx</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/ui/controls.py" line="387"/>
        <source>%n/s</source>
        <translation>
            <numerusform>%n/s</numerusform>
            <numerusform>%n/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="121"/>
        <source>cost J</source>
        <extracomment>above this many per-step points the oldest half is merged into its min/max envelope</extracomment>
        <translation>costo J</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="121"/>
        <location filename="../../nnviz/ui/cost_plot.py" line="122"/>
        <location filename="../../nnviz/ui/cost_plot.py" line="400"/>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="122"/>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="130"/>
        <source>each batch</source>
        <translation>cada lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="132"/>
        <location filename="../../nnviz/ui/cost_plot.py" line="544"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="134"/>
        <location filename="../../nnviz/ui/cost_plot.py" line="545"/>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="139"/>
        <source>before going back</source>
        <translation>antes de volver atrás</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="155"/>
        <source>here</source>
        <translation>aquí</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="400"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="538"/>
        <source>step %s</source>
        <translation>paso %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="541"/>
        <source>epoch %s</source>
        <translation>época %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="543"/>
        <source>batch J = %s</source>
        <translation>J del lote = %s</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="60"/>
        <source>discretise output</source>
        <translation>discretizar la salida</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="61"/>
        <source>test points</source>
        <translation>puntos de prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="77"/>
        <source>Rows: true class; columns: predicted class</source>
        <translation>Filas: clase real; columnas: clase predicha</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="169"/>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="170"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="179"/>
        <source>confusion matrix</source>
        <translation>matriz de confusión</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="179"/>
        <source>rows: true</source>
        <translation>filas: real</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="211"/>
        <source>neuron %1 of hidden layer %2 over the plane</source>
        <translation>neurona %1 de la capa oculta %2 sobre el plano</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="215"/>
        <source>the network&apos;s output over the plane</source>
        <translation>la salida de la red sobre el plano</translation>
    </message>
</context>
<context>
    <name>Equations</name>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="136"/>
        <source>Forward · layer {l} of {L}</source>
        <translation>Hacia adelante · capa {l} de {L}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="138"/>
        <source>Backward · layer {l} of {L}</source>
        <translation>Hacia atrás · capa {l} de {L}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="140"/>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="141"/>
        <source>Update</source>
        <translation>Actualización</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="210"/>
        <source>weight {w}</source>
        <translation>peso {w}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="212"/>
        <source>input {x}</source>
        <translation>entrada {x}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="213"/>
        <source>neuron {a}</source>
        <translation>neurona {a}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="223"/>
        <source>, example {e} of {m}</source>
        <translation>, ejemplo {e} de {m}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="237"/>
        <source>(used in {phase})</source>
        <translation>(se usa en {phase})</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="244"/>
        <source>an input</source>
        <translation>una entrada</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="245"/>
        <location filename="../../nnviz/lesson/equations.py" line="371"/>
        <source>computed in {phase}</source>
        <translation>calculado en {phase}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="249"/>
        <location filename="../../nnviz/lesson/equations.py" line="375"/>
        <source>computed later, in {phase}</source>
        <translation>se calcula más adelante, en {phase}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="258"/>
        <source>(its share of {z})</source>
        <translation>(su parte de {z})</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="360"/>
        <source>an input, it has no δ</source>
        <translation>una entrada, no tiene δ</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="396"/>
        <source>(binary cross-entropy with a sigmoid output: σ′(z) cancels)</source>
        <translation>(entropía cruzada binaria con salida sigmoide: σ′(z) se cancela)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="401"/>
        <source>(cross-entropy with a softmax output: the Jacobian cancels)</source>
        <translation>(entropía cruzada con salida softmax: el jacobiano se cancela)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="505"/>
        <source>(frozen: not updated; {g} = {value} is not applied)</source>
        <translation>(congelado: no se actualiza; {g} = {value} no se aplica)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="514"/>
        <source>(v: this parameter&apos;s velocity, PyTorch&apos;s form v ← β·v + ∂J/∂w; the course&apos;s form v ← β·v + (1 − β)·∂J/∂w is the optimizer momentum_ema)</source>
        <translation>(v: la velocidad de este parámetro, en la forma de PyTorch v ← β·v + ∂J/∂w; la forma del curso, v ← β·v + (1 − β)·∂J/∂w, es el optimizador momentum_ema)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="521"/>
        <source>(v: this parameter&apos;s velocity, an exponentially weighted average of the gradients, as in the course)</source>
        <translation>(v: la velocidad de este parámetro, un promedio ponderado exponencialmente de los gradientes, como en el curso)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="540"/>
        <source>(bias correction: m and v start at 0)</source>
        <translation>(corrección del sesgo de inicialización: m y v empiezan en 0)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="455"/>
        <source>example {e}</source>
        <translation>ejemplo {e}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="481"/>
        <source>an input, no parameters to update</source>
        <translation>una entrada, sin parámetros que actualizar</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="547"/>
        <source>the optimizer&apos;s step; plain gradient descent would take {step}</source>
        <translation>el paso del optimizador; el descenso de gradiente simple daría {step}</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="26"/>
        <source>Could not open the file</source>
        <translation>No se pudo abrir el archivo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="28"/>
        <source>Opened %s</source>
        <translation>Abierto %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="37"/>
        <source>Could not open the data file</source>
        <translation>No se pudo abrir el archivo de datos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="46"/>
        <source>Data loaded from %s</source>
        <translation>Datos cargados de %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="57"/>
        <source>Open model or session</source>
        <translation>Abrir modelo o sesión</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="58"/>
        <source>nnviz files (*.json);;All files (*)</source>
        <translation>Archivos nnviz (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="63"/>
        <source>Open CSV data</source>
        <translation>Abrir datos CSV</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="64"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="69"/>
        <source>Save model</source>
        <translation>Guardar modelo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="70"/>
        <source>nnviz model (*.json)</source>
        <translation>Modelo nnviz (*.json)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="75"/>
        <source>Save session</source>
        <translation>Guardar sesión</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="76"/>
        <source>nnviz session (*.json)</source>
        <translation>Sesión nnviz (*.json)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="82"/>
        <source>Export network image</source>
        <translation>Exportar imagen de la red</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="83"/>
        <source>PNG image (*.png);;SVG vector image (*.svg)</source>
        <translation>Imagen PNG (*.png);;Imagen vectorial SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="104"/>
        <source>Step through a pass first (T): the worked example is the pass on screen.</source>
        <translation>Primero recorre una pasada paso a paso (T): el ejemplo resuelto es la pasada en pantalla.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="107"/>
        <source>Export worked example</source>
        <translation>Exportar ejemplo resuelto</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="109"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="121"/>
        <source>Take a step first: the check uses its batch.</source>
        <translation>Da un paso primero: la comprobación usa su lote.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="139"/>
        <source>Gradient check</source>
        <translation>Comprobación del gradiente</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="140"/>
        <source>&lt;p&gt;Backprop&apos;s ∂J/∂W, ∂J/∂b against central finite differences (J(θ+ε) − J(θ−ε))/2ε, ε = 1e−5, on %d example(s):&lt;/p&gt;</source>
        <translation>&lt;p&gt;∂J/∂W, ∂J/∂b de la retropropagación frente a diferencias finitas centrales (J(θ+ε) − J(θ−ε))/2ε, ε = 1e−5, en %d ejemplo(s):&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="153"/>
        <source>Could not write the file</source>
        <translation>No se pudo escribir el archivo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="155"/>
        <source>Saved %s</source>
        <translation>Guardado %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="160"/>
        <source>Nothing was changed: the current network is kept.</source>
        <translation>No se cambió nada: se conserva la red actual.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="103"/>
        <source>PyTorch&apos;s form</source>
        <translation>forma de PyTorch</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="106"/>
        <source>the course&apos;s form</source>
        <translation>forma del curso</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="140"/>
        <source>Learning rate α = {lr}; batch of m = {m} example(s)</source>
        <translation>Tasa de aprendizaje α = {lr}; lote de m = {m} ejemplo(s)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="143"/>
        <source>; the example shown is number {e}</source>
        <translation>; el ejemplo mostrado es el número {e}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="145"/>
        <source>Network: {sizes}; activations {activations}</source>
        <translation>Red: {sizes}; activaciones {activations}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="147"/>
        <source>Loss of one example: {loss};  cost: {cost}</source>
        <translation>Pérdida de un ejemplo: {loss};  costo: {cost}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="150"/>
        <source>Update rule: {rule}</source>
        <translation>Regla de actualización: {rule}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="154"/>
        <source>Frozen (not updated): {groups}</source>
        <translation>Congelados (no se actualizan): {groups}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="164"/>
        <source>w_jk[l] joins neuron k of layer l−1 to neuron j of layer l; indices start at 1.</source>
        <translation>w_jk[l] une la neurona k de la capa l−1 con la neurona j de la capa l; los índices empiezan en 1.</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="170"/>
        <source>In the course&apos;s batch notation δ[l] is the (n_l, m) matrix whose columns are the δ[l]⁽ⁱ⁾, and dW[l] = (1/m)·δ[l]·a[l−1]ᵀ is the same sum.</source>
        <translation>En la notación por lotes del curso, δ[l] es la matriz (n_l, m) cuyas columnas son los δ[l]⁽ⁱ⁾, y dW[l] = (1/m)·δ[l]·a[l−1]ᵀ es la misma suma.</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="173"/>
        <source>Numbers are rounded to {d} significant digits.</source>
        <translation>Los números están redondeados a {d} cifras significativas.</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="192"/>
        <source>One step of gradient descent, taken apart (step {step})</source>
        <translation>Un paso del descenso de gradiente, desarmado (paso {step})</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="194"/>
        <source>Notation</source>
        <translation>Notación</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="195"/>
        <source>The parameters after the update</source>
        <translation>Los parámetros después de la actualización</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="157"/>
        <source>Inputs x = ({x}), targets y = ({y})</source>
        <translation>Entradas x = ({x}), objetivos y = ({y})</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="159"/>
        <source>Cost before the update: J = {J}</source>
        <translation>Costo antes de la actualización: J = {J}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="181"/>
        <source>… and {n} more, computed the same way.</source>
        <translation>… y {n} más, calculados de la misma manera.</translation>
    </message>
</context>
<context>
    <name>HistoryBar</name>
    <message>
        <location filename="../../nnviz/ui/history_bar.py" line="34"/>
        <source>History: drag back to any kept step, then step or play again, perhaps with another learning rate (Backspace: back one, Shift+Backspace: forward one)</source>
        <extracomment>the user asked to go to this step (a kept one)</extracomment>
        <translation>Historial: arrastra hacia atrás hasta cualquier paso guardado y vuelve a avanzar o reproducir, quizá con otra tasa de aprendizaje (Retroceso: uno atrás, Mayús+Retroceso: uno adelante)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/history_bar.py" line="41"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/history_bar.py" line="88"/>
        <source>step %1 / %2</source>
        <translation>paso %1 / %2</translation>
    </message>
</context>
<context>
    <name>LearningRateControl</name>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="57"/>
        <source>Learning rate α: w ← w − α·∂J/∂w</source>
        <extracomment>speed slider positions, steps per second (None: as fast as possible)</extracomment>
        <translation>Tasa de aprendizaje α: w ← w − α·∂J/∂w</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="78"/>
        <source>The saved settings could not be used (%s); the default demo is loaded instead.</source>
        <translation>No se pudo usar la configuración guardada (%s); se cargó la demostración por defecto.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="132"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="162"/>
        <location filename="../../nnviz/ui/main_window.py" line="430"/>
        <source>&amp;Play</source>
        <translation>&amp;Reproducir</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="163"/>
        <source>Play / pause training</source>
        <translation>Reproducir / pausar el entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="164"/>
        <source>&amp;Step</source>
        <translation>&amp;Paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="165"/>
        <source>Take one mini-batch step</source>
        <translation>Dar un paso con un mini-lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="166"/>
        <source>&amp;Back one step</source>
        <translation>&amp;Retroceder un paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="168"/>
        <source>Return to the previous step&apos;s weights (the last %d states are kept); then step again, perhaps with another learning rate</source>
        <translation>Volver a los pesos del paso anterior (se guardan los últimos %d estados); luego avanzar de nuevo, quizá con otra tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="171"/>
        <source>&amp;Forward one step</source>
        <translation>A&amp;delante un paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="173"/>
        <source>After going back: forward to the next kept step</source>
        <translation>Tras volver atrás: avanzar al siguiente paso guardado</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="174"/>
        <source>&amp;Epoch</source>
        <translation>É&amp;poca</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="175"/>
        <source>Train until the end of this epoch</source>
        <translation>Entrenar hasta el final de esta época</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="176"/>
        <source>&amp;Reset</source>
        <translation>&amp;Reiniciar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="177"/>
        <source>Back to step 0, same initial weights</source>
        <translation>Volver al paso 0, con los mismos pesos iniciales</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="178"/>
        <source>&amp;New seed</source>
        <translation>&amp;Nueva semilla</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="179"/>
        <source>Fresh random initial weights</source>
        <translation>Nuevos pesos iniciales aleatorios</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="181"/>
        <source>Step &amp;through one pass</source>
        <translation>Paso a paso por &amp;fases</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="182"/>
        <source>Take a step phase by phase: forward, cost, backward, update</source>
        <translation>Dar un paso fase por fase: hacia adelante, costo, hacia atrás, actualización</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="184"/>
        <source>Next phase</source>
        <translation>Fase siguiente</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="185"/>
        <source>Previous phase</source>
        <translation>Fase anterior</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="187"/>
        <source>To the end of the pass</source>
        <translation>Hasta el final de la pasada</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="189"/>
        <source>Next pass</source>
        <translation>Pasada siguiente</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="193"/>
        <source>&amp;Open model or session…</source>
        <translation>&amp;Abrir modelo o sesión…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="195"/>
        <source>Open CSV &amp;data…</source>
        <translation>Abrir &amp;datos CSV…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="197"/>
        <source>&amp;Save model…</source>
        <translation>&amp;Guardar modelo…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="199"/>
        <source>Save s&amp;ession…</source>
        <translation>Guardar s&amp;esión…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="201"/>
        <source>&amp;Export network image…</source>
        <translation>&amp;Exportar imagen de la red…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="202"/>
        <source>Save the network view as PNG or SVG</source>
        <translation>Guardar la vista de la red como PNG o SVG</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="203"/>
        <source>Export &amp;worked example…</source>
        <translation>Exportar &amp;ejemplo resuelto…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="204"/>
        <source>The pass being stepped through, every phase with its numbers, as Markdown</source>
        <translation>La pasada en curso, cada fase con sus números, en Markdown</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="206"/>
        <source>&amp;Gradient check</source>
        <translation>Comprobación del &amp;gradiente</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="207"/>
        <source>Backprop against finite differences on the current network and batch</source>
        <translation>Retropropagación frente a diferencias finitas en la red y el lote actuales</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="209"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="210"/>
        <source>&amp;Fit network to window</source>
        <translation>&amp;Ajustar la red a la ventana</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="212"/>
        <source>&amp;Log-scale cost</source>
        <translation>Costo en escala &amp;logarítmica</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="214"/>
        <source>Show weight &amp;values</source>
        <translation>Mostrar &amp;valores de los pesos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="217"/>
        <source>&amp;Animate each step</source>
        <translation>&amp;Animar cada paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="218"/>
        <source>Animate the forward and backward pass of single steps and of slow training</source>
        <translation>Animar la pasada hacia adelante y hacia atrás de los pasos individuales y del entrenamiento lento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="221"/>
        <source>Neuron &amp;heatmaps</source>
        <translation>&amp;Mapas de calor de las neuronas</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="222"/>
        <source>Each neuron shows its activation over the input plane (2-D data)</source>
        <translation>Cada neurona muestra su activación sobre el plano de entrada (datos 2-D)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="226"/>
        <source>F&amp;ull screen</source>
        <translation>Pantalla &amp;completa</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="228"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="230"/>
        <source>&amp;About nnviz</source>
        <translation>&amp;Acerca de nnviz</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="233"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="236"/>
        <source>&amp;Presets</source>
        <translation>&amp;Ejemplos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="244"/>
        <source>&amp;Train</source>
        <translation>&amp;Entrenar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="251"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="254"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="258"/>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="352"/>
        <source>Preset loaded: %s</source>
        <translation>Ejemplo cargado: %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="359"/>
        <source>Could not build that network: %s</source>
        <translation>No se pudo construir esa red: %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="374"/>
        <source>Network rebuilt: %s (%s); training starts again from step 0.</source>
        <translation>Red reconstruida: %s (%s); el entrenamiento empieza de nuevo en el paso 0.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="389"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="398"/>
        <source>About nnviz</source>
        <translation>Acerca de nnviz</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="399"/>
        <source>&lt;h3&gt;nnviz %s&lt;/h3&gt;&lt;p&gt;Watch a fully connected neural network learn: the cost function, gradient descent and backpropagation.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;nnviz %s&lt;/h3&gt;&lt;p&gt;Observa cómo aprende una red neuronal totalmente conectada: la función de costo, el descenso de gradiente y la retropropagación.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="418"/>
        <source>Step %1: press → to take the next pass phase by phase</source>
        <translation>Paso %1: pulsa → para dar la siguiente pasada fase por fase</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="429"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="482"/>
        <source>cost:  J = (1/m) Σᵢ L(y⁽ⁱ⁾, a[L]⁽ⁱ⁾)</source>
        <translation>costo:  J = (1/m) Σᵢ L(y⁽ⁱ⁾, a[L]⁽ⁱ⁾)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="521"/>
        <source>epoch %d</source>
        <translation>época %d</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="521"/>
        <source>step %d</source>
        <translation>paso %d</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="523"/>
        <source>cost J = %.4g</source>
        <translation>costo J = %.4g</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="527"/>
        <source>train accuracy %.1f%%</source>
        <translation>exactitud de entrenamiento %.1f%%</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="530"/>
        <source>test accuracy %.1f%%</source>
        <translation>exactitud de prueba %.1f%%</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="532"/>
        <source>%s steps/s</source>
        <translation>%s pasos/s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="533"/>
        <source>α = %g</source>
        <translation>α = %g</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="538"/>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="544"/>
        <source>Training stopped on an unexpected error: %s. Training is paused; you can reset or change the settings.</source>
        <translation>El entrenamiento se detuvo por un error inesperado: %s. El entrenamiento está en pausa; puedes reiniciar o cambiar la configuración.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../nnviz/ui/banner.py" line="24"/>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../nnviz/ui/network_item.py" line="328"/>
        <location filename="../../nnviz/ui/network_view.py" line="275"/>
        <source>input</source>
        <extracomment>antialias edges up to this many (measured: 2,368 edges 35 ms with AA, 2.9 ms without; 88 edges 1.1 ms vs 0.2 ms), and only on still frames, not while a running training streams snapshots antialiased edges: small nets, unless frames stream in (training at full speed)</extracomment>
        <translation>entrada</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_item.py" line="329"/>
        <source>hidden {0}</source>
        <translation>oculta {0}</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_item.py" line="331"/>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="254"/>
        <source>class</source>
        <translation>clase</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="250"/>
        <source>hidden %1, neuron %2</source>
        <translation>oculta %1, neurona %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="258"/>
        <source>batch mean</source>
        <translation>media del lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="260"/>
        <source>example %1 of %2</source>
        <translation>ejemplo %1 de %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="269"/>
        <source>last update</source>
        <translation>última actualización</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="440"/>
        <source>forward → layer %1:  z = W·a + b,  a = g(z)</source>
        <translation>hacia adelante → capa %1:  z = W·a + b,  a = g(z)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="442"/>
        <source>backward ← layer %1:  δ,  ∂J/∂W</source>
        <translation>hacia atrás ← capa %1:  δ,  ∂J/∂W</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="444"/>
        <source>update:  W ← W − α·∂J/∂W</source>
        <translation>actualización:  W ← W − α·∂J/∂W</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="454"/>
        <source>weight w, bias b</source>
        <translation>peso w, sesgo b</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="465"/>
        <source>(auto)</source>
        <translation>(auto)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="466"/>
        <source>(fixed)</source>
        <translation>(fija)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="483"/>
        <source>activation a:  low</source>
        <translation>activación a:  baja</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_view.py" line="484"/>
        <source>high</source>
        <translation>alta</translation>
    </message>
</context>
<context>
    <name>StepThrough</name>
    <message>
        <location filename="../../nnviz/ui/step_through.py" line="98"/>
        <source>step %1</source>
        <translation>paso %1</translation>
    </message>
</context>
</TS>
