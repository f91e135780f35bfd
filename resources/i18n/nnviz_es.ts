<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="57" />
        <source>learning rate α</source>
        <translation>tasa de aprendizaje α</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="58" />
        <source>batch size</source>
        <translation>tamaño del lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="59" />
        <source>optimizer</source>
        <translation>optimizador</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="60" />
        <source>hidden activation</source>
        <translation>activación oculta</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="61" />
        <source>hidden layers</source>
        <translation>capas ocultas</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="62" />
        <source>weight seed</source>
        <translation>semilla de los pesos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="63" />
        <source>L2 coefficient λ</source>
        <translation>coeficiente L2 λ</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="79" />
        <source>Compare runs</source>
        <extracomment>the values offered when a variable is chosen</extracomment>
        <translation>Comparar entrenamientos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="111" />
        <source>Comma-separated; hidden layers as 8-8</source>
        <translation>Separados por comas; capas ocultas como 8-8</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="116" />
        <source>epochs</source>
        <translation>épocas</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="117" />
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="118" />
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="119" />
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="127" />
        <source>Vary</source>
        <translation>Variar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="128" />
        <source>for</source>
        <translation>durante</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="135" />
        <source>&amp;Log scale</source>
        <translation>Escala &amp;logarítmica</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="138" />
        <source>x in steps</source>
        <translation>x en pasos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="139" />
        <source>x in epochs</source>
        <translation>x en épocas</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="141" />
        <source>Each &amp;batch's J</source>
        <translation>J de cada &amp;lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="142" />
        <source>Save &amp;plot…</source>
        <translation>Guardar &amp;gráfico…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="143" />
        <source>Save &amp;curves CSV…</source>
        <translation>Guardar &amp;curvas CSV…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="157" />
        <source>&amp;Open in the main window</source>
        <translation>&amp;Abrir en la ventana principal</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="158" />
        <source>&amp;Keep the main window's curve</source>
        <translation>&amp;Conservar la curva de la ventana principal</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="159" />
        <source>Add the main window's current run to the plot; it stays for later comparisons</source>
        <translation>Añadir el entrenamiento actual de la ventana principal al gráfico; se conserva para comparaciones posteriores</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="162" />
        <source>Save &amp;table CSV…</source>
        <translation>Guardar &amp;tabla CSV…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="164" />
        <source>Step where J first fell below</source>
        <translation>Paso en que J bajó por primera vez de</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="243" />
        <source>Training %1 runs on %2: same initial weights, same mini-batches; only %3 differs.</source>
        <translation>Entrenando %1 veces sobre %2: mismos pesos iniciales, mismos mini-lotes; solo cambia %3.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="273" />
        <source>Stopped at step %1 of %2.</source>
        <translation>Detenido en el paso %1 de %2.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="299" />
        <source>The comparison stopped on an error: %1</source>
        <translation>La comparación se detuvo por un error: %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="331" />
        <source>Select a run of the finished (or stopped) comparison first.</source>
        <translation>Primero selecciona un entrenamiento de la comparación terminada (o detenida).</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_dialog.py" line="335" />
        <source>Opened from the comparison: %1 at step %2</source>
        <translation>Abierto desde la comparación: %1 en el paso %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_exports.py" line="40" />
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_exports.py" line="45" />
        <source>Save plot</source>
        <translation>Guardar gráfico</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_exports.py" line="46" />
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Imagen PNG (*.png);;Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_exports.py" line="50" />
        <source>Save curves</source>
        <translation>Guardar curvas</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_exports.py" line="51" />
        <location filename="../../nnviz/ui/compare_exports.py" line="55" />
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_exports.py" line="54" />
        <source>Save table</source>
        <translation>Guardar tabla</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_table.py" line="69" />
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_table.py" line="70" />
        <source>final train J</source>
        <translation>J final de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_table.py" line="71" />
        <source>final test J</source>
        <translation>J final de prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_table.py" line="72" />
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_table.py" line="73" />
        <source>J &lt; threshold at step</source>
        <translation>J &lt; umbral en el paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_table.py" line="74" />
        <source>wall time</source>
        <translation>tiempo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_table.py" line="75" />
        <source>Runs trained together in one stack share a wall time: the time of the whole stack.</source>
        <translation>Las ejecuciones entrenadas juntas en una pila comparten el tiempo real: el de toda la pila.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_table.py" line="131" />
        <source>diverged at step %1</source>
        <translation>divergió en el paso %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_view.py" line="103" />
        <source>cost J (log scale)</source>
        <translation>costo J (escala logarítmica)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_view.py" line="105" />
        <source>cost J</source>
        <translation>costo J</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_view.py" line="95" />
        <source>epoch</source>
        <extracomment>runs are training: lines drawn without antialiasing (2-3× faster to paint)</extracomment>
        <translation>época</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_view.py" line="96" />
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_view.py" line="104" />
        <source>J (log)</source>
        <translation>J (log)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_view.py" line="145" />
        <source>train J</source>
        <translation>J de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_view.py" line="147" />
        <source>test J</source>
        <translation>J de prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/compare_view.py" line="303" />
        <source>%1: diverged at step %2</source>
        <translation>%1: divergió en el paso %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/open_run.py" line="81" />
        <source>main, step %1: %2</source>
        <extracomment>the set-up's fields a kept curve's label may name, in this order (the data, then the net)</extracomment>
        <translation>principal, paso %1: %2</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="82" />
        <source>Data</source>
        <extracomment>speed slider positions, steps per second (None: as fast as possible) the first speed: a class can watch learning happen (moons' boundary forms in about 8 s)</extracomment>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="100" />
        <source>standardise inputs (x − mean) / std</source>
        <translation>estandarizar entradas (x − media) / desv.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="105" />
        <source>Give the network %s as an extra input (2-D data)</source>
        <translation>Dar a la red %s como entrada extra (datos 2-D)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="110" />
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="111" />
        <source>Draw new points (next data seed)</source>
        <translation>Generar puntos nuevos (siguiente semilla de datos)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="113" />
        <source>dataset</source>
        <translation>conjunto de datos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="114" />
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="115" />
        <source>noise</source>
        <translation>ruido</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="116" />
        <source>test split</source>
        <translation>fracción de prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="117" />
        <source>data seed</source>
        <translation>semilla de datos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="119" />
        <source>extra inputs</source>
        <translation>entradas extra</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="132" />
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="135" />
        <source>Neurons per hidden layer, e.g. 4, 4 (empty: none)</source>
        <translation>Neuronas por capa oculta, p. ej. 4, 4 (vacío: ninguna)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="137" />
        <source>+ layer</source>
        <translation>+ capa</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="137" />
        <source>− layer</source>
        <translation>− capa</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="138" />
        <source>Add a hidden layer</source>
        <translation>Añadir una capa oculta</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="139" />
        <source>Remove the last hidden layer</source>
        <translation>Quitar la última capa oculta</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="155" />
        <source>Seed of the initial weights</source>
        <translation>Semilla de los pesos iniciales</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="156" />
        <source>freeze biases</source>
        <translation>congelar sesgos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="157" />
        <source>Keep every b[l] fixed (as some hand-worked examples do)</source>
        <translation>Mantener fijos todos los b[l] (como en algunos ejemplos resueltos a mano)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="160" />
        <source>hidden layers</source>
        <translation>capas ocultas</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="162" />
        <source>activation</source>
        <translation>activación</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="163" />
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="164" />
        <source>weight seed</source>
        <translation>semilla de pesos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="172" />
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="178" />
        <source>Examples per gradient step (m)</source>
        <translation>Ejemplos por paso de gradiente (m)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="189" />
        <source>L2 coefficient λ: J + (λ/2)·Σ‖W‖²</source>
        <translation>Coeficiente L2 λ: J + (λ/2)·Σ‖W‖²</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="194" />
        <source>Training speed in steps per second; at the right end, as fast as the computer can</source>
        <translation>Velocidad de entrenamiento en pasos por segundo; en el extremo derecho, tan rápido como pueda la computadora</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="202" />
        <source>learning rate α</source>
        <translation>tasa de aprendizaje α</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="203" />
        <source>batch size</source>
        <translation>tamaño de lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="204" />
        <source>optimizer</source>
        <translation>optimizador</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="205" />
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="206" />
        <source>speed</source>
        <translation>velocidad</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="212" />
        <source>How long the forward/backward animation of one step lasts</source>
        <translation>Duración de la animación de la propagación hacia adelante y la retropropagación de un paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="215" />
        <source>pass animation</source>
        <translation>animación de la pasada</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="219" />
        <source>Drawing</source>
        <translation>Dibujo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="224" />
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="225" />
        <source>Colour scale of the weights: 'auto' follows the largest |w|; a value fixes it (larger |w| clamp)</source>
        <translation>Escala de color de los pesos: 'auto' sigue al mayor |w|; un valor la fija (los |w| mayores se saturan)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="231" />
        <source>batch mean</source>
        <translation>media del lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="232" />
        <source>Neurons show the activation of this example of the batch, or the batch mean</source>
        <translation>Las neuronas muestran la activación de este ejemplo del lote, o la media del lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="239" />
        <source>Significant digits of the numbers in the inspector and the worked example</source>
        <translation>Cifras significativas de los números del inspector y del ejemplo resuelto</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="242" />
        <source>weight scale</source>
        <translation>escala de pesos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="243" />
        <source>neurons show</source>
        <translation>las neuronas muestran</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="244" />
        <source>digits</source>
        <translation>cifras</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/controls.py" line="370" />
        <source>max</source>
        <extracomment>data sets whose points are fixed: the number of points, noise, split and seed don't apply (as for a preset's inline data or a CSV file, whose names are not in DATASETS)</extracomment>
        <translation>máx</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/ui/controls.py" line="371" />
        <source>%n steps/s</source>
        <translation>
            <numerusform>%n paso/s</numerusform>
            <numerusform>%n pasos/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="62" />
        <location filename="../../nnviz/ui/cost_plot.py" line="190" />
        <source>cost J</source>
        <translation>costo J</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="62" />
        <location filename="../../nnviz/ui/cost_plot.py" line="63" />
        <location filename="../../nnviz/ui/cost_plot.py" line="190" />
        <location filename="../../nnviz/ui/cost_plot.py" line="191" />
        <location filename="../../nnviz/ui/cost_plot.py" line="325" />
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="63" />
        <location filename="../../nnviz/ui/cost_plot.py" line="191" />
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="97" />
        <source>each batch</source>
        <translation>cada lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="98" />
        <location filename="../../nnviz/ui/cost_readout.py" line="92" />
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="99" />
        <location filename="../../nnviz/ui/cost_readout.py" line="93" />
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="104" />
        <source>before going back</source>
        <translation>antes de volver atrás</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="116" />
        <source>here</source>
        <translation>aquí</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_plot.py" line="325" />
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_readout.py" line="86" />
        <source>step %s</source>
        <translation>paso %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_readout.py" line="89" />
        <source>epoch %s</source>
        <translation>época %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/cost_readout.py" line="91" />
        <source>batch J = %s</source>
        <translation>J del lote = %s</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="73" />
        <source>discretise output</source>
        <extracomment>the plane's grid while training plays: a quarter of the points, drawn smoothly scaled (the boundary moves every frame; a still frame gets the full GRID) examples × parameters above which the confusion matrix is not recomputed while training runs: it is a forward pass of the whole test split on the GUI thread (30,000 examples through 2-64-64-2: 70 ms a frame). The last table stays, labelled with the step it is of.</extracomment>
        <translation>discretizar la salida</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="74" />
        <source>test points</source>
        <translation>puntos de prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="85" />
        <source>Rows: true class; columns: predicted class</source>
        <translation>Filas: clase real; columnas: clase predicha</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="197" />
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="198" />
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="218" />
        <source>confusion matrix</source>
        <translation>matriz de confusión</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="218" />
        <source>rows: true</source>
        <translation>filas: real</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="257" />
        <source>neuron %1 of hidden layer %2 over the plane</source>
        <translation>neurona %1 de la capa oculta %2 sobre el plano</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="261" />
        <source>the network's output over the plane</source>
        <translation>la salida de la red sobre el plano</translation>
    </message>
</context>
<context>
    <name>Equations</name>
    <message>
        <location filename="../../nnviz/lesson/notation.py" line="74" />
        <source>Forward · layer {l} of {L}</source>
        <translation>Propagación hacia adelante · capa {l} de {L}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/notation.py" line="76" />
        <source>Backward · layer {l} of {L}</source>
        <translation>Retropropagación · capa {l} de {L}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/notation.py" line="78" />
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/notation.py" line="79" />
        <source>Update</source>
        <translation>Actualización</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/notation.py" line="141" />
        <source>weight {w}</source>
        <translation>peso {w}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/notation.py" line="143" />
        <source>input {x}</source>
        <translation>entrada {x}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/notation.py" line="144" />
        <source>neuron {a}</source>
        <translation>neurona {a}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/equations.py" line="78" />
        <source>, example {e} of {m}</source>
        <translation>, ejemplo {e} de {m}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/forward_equations.py" line="21" />
        <source>(used in {phase})</source>
        <translation>(se usa en {phase})</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/forward_equations.py" line="28" />
        <source>an input</source>
        <translation>una entrada</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/backward_equations.py" line="36" />
        <location filename="../../nnviz/lesson/forward_equations.py" line="29" />
        <source>computed in {phase}</source>
        <translation>se calcula en {phase}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/backward_equations.py" line="40" />
        <location filename="../../nnviz/lesson/forward_equations.py" line="33" />
        <source>computed later, in {phase}</source>
        <translation>se calcula más adelante, en {phase}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/forward_equations.py" line="42" />
        <source>(its share of {z})</source>
        <translation>(su contribución a {z})</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/backward_equations.py" line="25" />
        <source>an input, it has no δ</source>
        <translation>una entrada, no tiene δ</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/backward_equations.py" line="61" />
        <source>(binary cross-entropy with a sigmoid output: σ′(z) cancels)</source>
        <translation>(entropía cruzada binaria con salida sigmoide: σ′(z) se cancela)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/backward_equations.py" line="66" />
        <source>(cross-entropy with a softmax output: the Jacobian cancels)</source>
        <translation>(entropía cruzada con salida softmax: el jacobiano se cancela)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/update_equations.py" line="44" />
        <source>(frozen: not updated; {g} = {value} is not applied)</source>
        <translation>(congelado: no se actualiza; {g} = {value} no se aplica)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/update_equations.py" line="53" />
        <source>(v: this parameter's velocity, PyTorch's form v ← β·v + ∂J/∂w; the course's form v ← β·v + (1 − β)·∂J/∂w is the optimizer momentum_ema)</source>
        <translation>(v: la velocidad de este parámetro, en la forma de PyTorch v ← β·v + ∂J/∂w; la forma del curso, v ← β·v + (1 − β)·∂J/∂w, es el optimizador «momento (media móvil exponencial)»)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/update_equations.py" line="60" />
        <source>(v: this parameter's velocity, an exponentially weighted average of the gradients, as in the course)</source>
        <translation>(v: la velocidad de este parámetro, un promedio ponderado exponencialmente de los gradientes, como en el curso)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/update_equations.py" line="79" />
        <source>(bias correction: m and v start at 0)</source>
        <translation>(corrección del sesgo de inicialización: m y v empiezan en 0)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/backward_equations.py" line="120" />
        <source>example {e}</source>
        <translation>ejemplo {e}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/update_equations.py" line="20" />
        <source>an input, no parameters to update</source>
        <translation>una entrada, sin parámetros que actualizar</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/update_equations.py" line="86" />
        <source>the optimizer's step; plain gradient descent would take {step}</source>
        <translation>el paso del optimizador; el descenso de gradiente simple daría {step}</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="105" />
        <source>PyTorch's form</source>
        <translation>forma de PyTorch</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="108" />
        <source>the course's form</source>
        <translation>forma del curso</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="142" />
        <source>Learning rate α = {lr}; batch of m = {m} example(s)</source>
        <translation>Tasa de aprendizaje α = {lr}; lote de m = {m} ejemplo(s)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="145" />
        <source>; the example shown is number {e}</source>
        <translation>; el ejemplo mostrado es el número {e}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="147" />
        <source>Network: {sizes}; activations {activations}</source>
        <translation>Red: {sizes}; activaciones {activations}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="149" />
        <source>Loss of one example: {loss};  cost: {cost}</source>
        <translation>Pérdida de un ejemplo: {loss};  costo: {cost}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="152" />
        <source>Update rule: {rule}</source>
        <translation>Regla de actualización: {rule}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="156" />
        <source>Frozen (not updated): {groups}</source>
        <translation>Congelados (no se actualizan): {groups}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="166" />
        <source>w_jk[l] joins neuron k of layer l−1 to neuron j of layer l; indices start at 1.</source>
        <translation>w_jk[l] une la neurona k de la capa l−1 con la neurona j de la capa l; los índices empiezan en 1.</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="172" />
        <source>In the course's batch notation δ[l] is the (n_l, m) matrix whose columns are the δ[l]⁽ⁱ⁾, and dW[l] = (1/m)·δ[l]·a[l−1]ᵀ is the same sum.</source>
        <translation>En la notación por lotes del curso, δ[l] es la matriz (n_l, m) cuyas columnas son los δ[l]⁽ⁱ⁾, y dW[l] = (1/m)·δ[l]·a[l−1]ᵀ es la misma suma.</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="175" />
        <source>Numbers are rounded to {d} significant digits.</source>
        <translation>Los números están redondeados a {d} cifras significativas.</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="194" />
        <source>One step of gradient descent, taken apart (step {step})</source>
        <translation>Un paso del descenso de gradiente, desglosado (paso {step})</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="196" />
        <source>Notation</source>
        <translation>Notación</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="197" />
        <source>The parameters after the update</source>
        <translation>Los parámetros tras la actualización</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="159" />
        <source>Inputs x = ({x}), targets y = ({y})</source>
        <translation>Entradas x = ({x}), valores objetivo y = ({y})</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="161" />
        <source>Cost before the update: J = {J}</source>
        <translation>Costo antes de la actualización: J = {J}</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/handout.py" line="183" />
        <source>… and {n} more, computed the same way.</source>
        <translation>… y {n} más, calculados de la misma manera.</translation>
    </message>
</context>
<context>
    <name>HistoryBar</name>
    <message>
        <location filename="../../nnviz/ui/history_bar.py" line="35" />
        <source>History: drag back to any kept step, then step or play again, perhaps with another learning rate (Backspace: back one, Shift+Backspace: forward one)</source>
        <extracomment>the user asked to go to this step (a kept one)</extracomment>
        <translation>Historial: arrastra hacia atrás hasta cualquier paso guardado y vuelve a avanzar o a entrenar, quizá con otra tasa de aprendizaje (Borrar: un paso atrás, Mayúsculas+Borrar: un paso adelante)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/history_bar.py" line="40" />
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/history_bar.py" line="87" />
        <source>step %1 / %2</source>
        <translation>paso %1 / %2</translation>
    </message>
</context>
<context>
    <name>LearningRateControl</name>
    <message>
        <location filename="../../nnviz/ui/lr_control.py" line="28" />
        <source>Learning rate α: w ← w − α·∂J/∂w</source>
        <translation>Tasa de aprendizaje α: w ← w − α·∂J/∂w</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="95" />
        <source>The saved settings could not be used (%s); the default demo is loaded instead.</source>
        <extracomment>closing with unsaved work asks Save / Discard / Cancel (tests switch it off)</extracomment>
        <translation>No se pudo usar la configuración guardada (%s); se cargó la demostración por defecto.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/window_layout.py" line="34" />
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/window_layout.py" line="44" />
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/window_layout.py" line="57" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="53" />
        <location filename="../../nnviz/ui/main_window.py" line="323" />
        <source>&amp;Play</source>
        <translation>&amp;Entrenar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="54" />
        <source>Play / pause training</source>
        <translation>Iniciar / pausar el entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="55" />
        <source>&amp;Step</source>
        <translation>&amp;Paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="56" />
        <source>Take one mini-batch step</source>
        <translation>Dar un paso con un mini-lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="57" />
        <source>&amp;Back one step</source>
        <translation>Re&amp;troceder un paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="58" />
        <source>Return to the previous step's weights (the last %d states are kept); then step again, perhaps with another learning rate</source>
        <translation>Volver a los pesos del paso anterior (se guardan los últimos %d estados); luego avanzar de nuevo, quizá con otra tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="61" />
        <source>&amp;Forward one step</source>
        <translation>A&amp;vanzar un paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="63" />
        <source>After going back: forward to the next kept step</source>
        <translation>Tras volver atrás: avanzar al siguiente paso guardado</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="64" />
        <source>&amp;Epoch</source>
        <translation>Épo&amp;ca</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="65" />
        <source>Train until the end of this epoch</source>
        <translation>Entrenar hasta el final de esta época</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="66" />
        <source>&amp;Reset</source>
        <translation>&amp;Reiniciar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="67" />
        <source>Back to step 0, same initial weights</source>
        <translation>Volver al paso 0, con los mismos pesos iniciales</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="68" />
        <source>&amp;New seed</source>
        <translation>&amp;Nueva semilla</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="69" />
        <source>Fresh random initial weights</source>
        <translation>Nuevos pesos iniciales aleatorios</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="70" />
        <source>Step &amp;through one pass</source>
        <translation>Paso a paso por &amp;fases</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="72" />
        <source>Take a step phase by phase: forward, cost, backward, update</source>
        <translation>Dar un paso fase por fase: propagación hacia adelante, costo, retropropagación, actualización</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="74" />
        <source>Next phase</source>
        <translation>Fase siguiente</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="76" />
        <source>Previous phase</source>
        <translation>Fase anterior</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="78" />
        <source>To the end of the pass</source>
        <translation>Hasta el final de la pasada</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="80" />
        <source>Next pass</source>
        <translation>Pasada siguiente</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="82" />
        <source>&amp;Open model or session…</source>
        <translation>&amp;Abrir modelo o sesión…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="84" />
        <source>Open CSV &amp;data…</source>
        <translation>Abrir &amp;datos CSV…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="86" />
        <source>&amp;Save model…</source>
        <translation>&amp;Guardar modelo…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="88" />
        <source>Save s&amp;ession…</source>
        <translation>Guardar s&amp;esión…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="90" />
        <source>&amp;Export network image…</source>
        <translation>&amp;Exportar imagen de la red…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="91" />
        <source>Save the network view as PNG or SVG</source>
        <translation>Guardar la vista de la red como PNG o SVG</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="92" />
        <source>Export &amp;worked example…</source>
        <translation>Exportar &amp;ejemplo resuelto…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="94" />
        <source>The pass being stepped through, every phase with its numbers and diagram, as PDF, HTML or Markdown</source>
        <translation>La pasada que se recorre paso a paso, cada fase con sus números y su diagrama, en PDF, HTML o Markdown</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="96" />
        <source>&amp;Gradient check</source>
        <translation>Comprobación del &amp;gradiente</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="97" />
        <source>Backprop against finite differences on the current network and batch</source>
        <translation>Retropropagación frente a diferencias finitas en la red y el lote actuales</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="99" />
        <source>&amp;Compare runs…</source>
        <translation>&amp;Comparar entrenamientos…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="100" />
        <source>Train the set-up once per value of one setting (learning rate, …) and compare the costs</source>
        <translation>Entrenar la configuración una vez por cada valor de un ajuste (tasa de aprendizaje, …) y comparar los costos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="102" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="103" />
        <source>&amp;Fit network to window</source>
        <translation>&amp;Ajustar la red a la ventana</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="105" />
        <source>&amp;Log-scale cost</source>
        <translation>Costo en escala &amp;logarítmica</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="107" />
        <source>Show weight &amp;values</source>
        <translation>Mostrar &amp;valores de los pesos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="109" />
        <source>&amp;Animate each step</source>
        <translation>&amp;Animar cada paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="110" />
        <source>Animate the forward and backward pass of single steps and of slow training</source>
        <translation>Animar la propagación hacia adelante y la retropropagación de los pasos individuales y del entrenamiento lento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="112" />
        <source>Neuron &amp;heatmaps</source>
        <translation>&amp;Mapas de calor de las neuronas</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="113" />
        <source>Each neuron shows its activation over the input plane (2-D data)</source>
        <translation>Cada neurona muestra su activación sobre el plano de entrada (datos 2-D)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="115" />
        <source>F&amp;ull screen</source>
        <translation>Pantalla &amp;completa</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="117" />
        <source>&amp;Presentation mode</source>
        <translation>Modo &amp;presentación</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="119" />
        <source>Only the network, the cost and the data, large, for a lecture hall; the keys still work</source>
        <translation>Solo la red, el costo y los datos, en grande, para un aula; las teclas siguen funcionando</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="121" />
        <source>&amp;Larger</source>
        <translation>Más &amp;grande</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="122" />
        <source>Everything larger</source>
        <translation>Todo más grande</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="123" />
        <source>S&amp;maller</source>
        <translation>Más pe&amp;queño</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="124" />
        <source>Everything smaller</source>
        <translation>Todo más pequeño</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="125" />
        <source>&amp;Normal size</source>
        <translation>Tamaño &amp;normal</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="127" />
        <source>Slope and &amp;cost landscape</source>
        <translation>Pendiente y &amp;paisaje del costo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="129" />
        <source>J as a function of the selected weight (its tangent is ∂J/∂w), and J over two weights with the descent path</source>
        <translation>J en función del peso seleccionado (su tangente es ∂J/∂w), y J sobre dos pesos con el camino del descenso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="131" />
        <source>&amp;Settings panel</source>
        <translation>Panel de a&amp;justes</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="133" />
        <source>Show or hide the settings (data, network, training)</source>
        <translation>Mostrar u ocultar los ajustes (datos, red, entrenamiento)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="134" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="136" />
        <source>&amp;About nnviz</source>
        <translation>&amp;Acerca de nnviz</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="175" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="178" />
        <source>&amp;Presets</source>
        <translation>&amp;Demostraciones</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="186" />
        <source>&amp;Train</source>
        <translation>E&amp;ntrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="192" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="198" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="202" />
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="216" />
        <source>%1: train   ·   %2: one step   ·   %3: step through one pass</source>
        <translation>%1: entrenar   ·   %2: un paso   ·   %3: recorrer un paso fase por fase</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="236" />
        <source>Preset loaded: %s</source>
        <translation>Demostración cargada: %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="247" />
        <source>Could not build that network: %s</source>
        <translation>No se pudo construir esa red: %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="266" />
        <source>Network rebuilt: %s (%s); training starts again from step 0.</source>
        <translation>Red reconstruida: %s (%s); el entrenamiento empieza de nuevo en el paso 0.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="36" />
        <source>Keyboard shortcuts</source>
        <extracomment>actions only step-through mode enables Step's keys outside step-through mode (there, → and Page Down are "next phase")</extracomment>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="43" />
        <source>About nnviz</source>
        <translation>Acerca de nnviz</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/actions.py" line="43" />
        <source>&lt;h3&gt;nnviz %s&lt;/h3&gt;&lt;p&gt;Watch a fully connected neural network learn: the cost function, gradient descent and backpropagation.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;nnviz %s&lt;/h3&gt;&lt;p&gt;Observa cómo aprende una red neuronal totalmente conectada: la función de costo, el descenso de gradiente y la retropropagación.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="362" />
        <location filename="../../nnviz/ui/task_progress.py" line="48" />
        <source>Gradient check</source>
        <translation>Comprobación del gradiente</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/step_through_mode.py" line="99" />
        <source>Step %1: press → to take the next pass phase by phase</source>
        <translation>Paso %1: pulsa → para dar la siguiente pasada fase por fase</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="322" />
        <source>&amp;Pause</source>
        <translation>Pa&amp;usar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/step_through_mode.py" line="117" />
        <location filename="../../nnviz/handout_export.py" line="66" />
        <source>cost:  J = (1/m) Σᵢ L(y⁽ⁱ⁾, a[L]⁽ⁱ⁾)</source>
        <extracomment>The diagram's size in pixels before `export_png`'s 2× scale.</extracomment>
        <translation>costo:  J = (1/m) Σᵢ L(y⁽ⁱ⁾, a[L]⁽ⁱ⁾)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/status.py" line="12" />
        <source>epoch %d</source>
        <translation>época %d</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/data_panel.py" line="212" />
        <location filename="../../nnviz/ui/status.py" line="13" />
        <source>step %d</source>
        <translation>paso %d</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/status.py" line="15" />
        <source>cost J = %.4g</source>
        <translation>costo J = %.4g</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/status.py" line="19" />
        <source>train accuracy %.1f%%</source>
        <translation>exactitud de entrenamiento %.1f%%</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/status.py" line="22" />
        <source>test accuracy %.1f%%</source>
        <translation>exactitud de prueba %.1f%%</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/status.py" line="24" />
        <source>%s steps/s</source>
        <translation>%s pasos/s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/status.py" line="25" />
        <source>α = %g</source>
        <translation>α = %g</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/status.py" line="34" />
        <source>&lt;p&gt;Backprop's ∂J/∂W, ∂J/∂b against central finite differences (J(θ+ε) − J(θ−ε))/2ε, ε = 1e−5, on %d example(s):&lt;/p&gt;</source>
        <translation>&lt;p&gt;∂J/∂W, ∂J/∂b de la retropropagación frente a diferencias finitas centrales (J(θ+ε) − J(θ−ε))/2ε, ε = 1e−5, en %d ejemplo(s):&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/status.py" line="38" />
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/status.py" line="39" />
        <source>largest relative error</source>
        <translation>mayor error relativo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="345" />
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/main_window.py" line="351" />
        <source>Training stopped on an unexpected error: %s. Training is paused; you can reset or change the settings.</source>
        <translation>El entrenamiento se detuvo por un error inesperado: %s. El entrenamiento está en pausa; puedes reiniciar o cambiar la configuración.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="47" />
        <source>Could not open the file</source>
        <translation>No se pudo abrir el archivo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="49" />
        <source>Opened %s</source>
        <translation>Se abrió %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="67" />
        <source>Could not open the data file</source>
        <translation>No se pudo abrir el archivo de datos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="77" />
        <source>Data loaded from %s</source>
        <translation>Datos cargados de %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="134" />
        <source>Open model or session</source>
        <translation>Abrir modelo o sesión</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="135" />
        <source>nnviz files (*.json);;All files (*)</source>
        <translation>Archivos nnviz (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="141" />
        <source>Open CSV data</source>
        <translation>Abrir datos CSV</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="142" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="148" />
        <source>Save model</source>
        <translation>Guardar modelo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="149" />
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="150" />
        <source>nnviz model (*.json)</source>
        <translation>Modelo nnviz (*.json)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="157" />
        <source>Save session</source>
        <translation>Guardar sesión</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="158" />
        <source>session</source>
        <translation>sesión</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="159" />
        <source>nnviz session (*.json)</source>
        <translation>Sesión nnviz (*.json)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="167" />
        <source>Export network image</source>
        <translation>Exportar imagen de la red</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="168" />
        <source>network</source>
        <translation>red</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="169" />
        <source>PNG image (*.png);;SVG vector image (*.svg)</source>
        <translation>Imagen PNG (*.png);;Imagen vectorial SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="176" />
        <source>Step through a pass first (T): the worked example is the pass on screen.</source>
        <translation>Primero recorre una pasada paso a paso (T): el ejemplo resuelto es la pasada en pantalla.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="181" />
        <source>Export worked example</source>
        <translation>Exportar ejemplo resuelto</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="182" />
        <source>worked_example</source>
        <translation>ejemplo_resuelto</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="183" />
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="193" />
        <source>Could not write the file</source>
        <translation>No se pudo escribir el archivo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="196" />
        <source>Saved %s</source>
        <translation>Se guardó %s</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/file_commands.py" line="203" />
        <source>Nothing was changed: the current network is kept.</source>
        <translation>No se cambió nada: se conserva la red actual.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/task_progress.py" line="28" />
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/task_progress.py" line="46" />
        <source>Training to the end of epoch %1</source>
        <translation>Entrenando hasta el final de la época %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/unsaved.py" line="42" />
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/unsaved.py" line="43" />
        <source>The network has changed since it was last saved. Save the session (weights, cost curves and history) before closing?</source>
        <translation>La red cambió desde la última vez que se guardó. ¿Guardar la sesión (pesos, curvas de costo e historial) antes de cerrar?</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/maths_views.py" line="59" />
        <source>Slope and cost landscape</source>
        <translation>Pendiente y paisaje del costo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/maths_views.py" line="64" />
        <source>Hidden layer</source>
        <translation>Capa oculta</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/param_editor.py" line="63" />
        <source>Type a value for %1 and press Enter (Esc: cancel)</source>
        <translation>Escribe un valor para %1 y pulsa Intro (Esc: cancelar)</translation>
    </message>
</context>
<context>
    <name>MathsPanels</name>
    <message>
        <location filename="../../nnviz/ui/hidden_panel.py" line="125" />
        <source>example</source>
        <translation>ejemplo</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/hidden_panel.py" line="143" />
        <source>The training data as the network gets it (layer 0, the inputs).</source>
        <translation>Los datos de entrenamiento tal como los recibe la red (capa 0, las entradas).</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/hidden_panel.py" line="147" />
        <source>The training data at the output layer %1.</source>
        <translation>Los datos de entrenamiento en la capa de salida %1.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/hidden_panel.py" line="151" />
        <source>The training data as hidden layer %1 sees it: each example at its activations. The next layer only has to separate the classes here.</source>
        <translation>Los datos de entrenamiento como los ve la capa oculta %1: cada ejemplo en sus activaciones. La capa siguiente solo tiene que separar las clases aquí.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/hidden_panel.py" line="157" />
        <source>This layer has one neuron: its activation against the example's index.</source>
        <translation>Esta capa tiene una neurona: su activación frente al índice del ejemplo.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/hidden_panel.py" line="161" />
        <source>Its %1 neurons are shown along their two principal axes (fixed when chosen).</source>
        <translation>Sus %1 neuronas se muestran sobre sus dos ejes principales (fijados al elegirlos).</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/hidden_panel.py" line="166" />
        <source>Its first two of %1 neurons.</source>
        <translation>Sus dos primeras de %1 neuronas.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/landscape_panel.py" line="54" />
        <source>log colours</source>
        <extracomment>markers on the path: about this many, whatever its length at most this many maps a second while training plays (the worker also stays idle at least as long as it computed: a large network's maps come less often) {name: value} for the two parameters: the user clicked this point of the map</extracomment>
        <translation>colores logarítmicos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/landscape_panel.py" line="225" />
        <source>These two parameters are not in this network.</source>
        <extracomment>asks the frame clock to draw this panel at its next tick (None: maps drawn at once)</extracomment>
        <translation>Estos dos parámetros no están en esta red.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/landscape_items.py" line="92" />
        <source>J (log scale)</source>
        <extracomment>the darker contour lines: the highest levels, drawn in ink (the others in white)</extracomment>
        <translation>J (escala logarítmica)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/landscape_panel.py" line="368" />
        <location filename="../../nnviz/ui/slope_panel.py" line="203" />
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/landscape_panel.py" line="372" />
        <source>J over %1 and %2: a slice through the space of %3 parameters, the other %4 held at their current values.</source>
        <translation>J sobre %1 y %2: un corte del espacio de %3 parámetros, los otros %4 fijos en sus valores actuales.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/landscape_panel.py" line="378" />
        <source>Stale: the other parameters have moved since step %1; recomputing…</source>
        <translation>Desactualizado: los otros parámetros se movieron desde el paso %1; recalculando…</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/landscape_panel.py" line="382" />
        <source>Map computed at step %1. |∇J| is the slope within this slice.</source>
        <translation>Mapa calculado en el paso %1. |∇J| es la pendiente dentro de este corte.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/slope_panel.py" line="83" />
        <location filename="../../nnviz/ui/slope_panel.py" line="233" />
        <source>Pick a weight (an edge) or a bias (a neuron) to see J as a function of it.</source>
        <translation>Elige un peso (una arista) o un sesgo (una neurona) para ver J en función de él.</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/slope_panel.py" line="197" />
        <source>J(%1) with the other %2 parameters held at their current values</source>
        <translation>J(%1) con los otros %2 parámetros fijos en sus valores actuales</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/slope_panel.py" line="204" />
        <source>J after the step</source>
        <translation>J después del paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/maths_common.py" line="141" />
        <source>How far the map reaches from the current values</source>
        <extracomment>the current point and the update (vermillion: stands out on viridis and on white)</extracomment>
        <translation>Hasta dónde llega el mapa desde los valores actuales</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/maths_common.py" line="147" />
        <source>Grid points a side (more: finer, slower)</source>
        <translation>Puntos de la malla por lado (más: más fino, más lento)</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../nnviz/ui/banner.py" line="24" />
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="22" />
        <source>XOR (four quadrants)</source>
        <translation>XOR (cuatro cuadrantes)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="23" />
        <source>points in four quadrants, class 1 where x1 and x2 have the same sign (2 classes)</source>
        <translation>puntos en cuatro cuadrantes, clase 1 donde x1 y x2 tienen el mismo signo (2 clases)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="27" />
        <source>circles</source>
        <translation>círculos</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="28" />
        <source>a disc inside a ring (2 classes)</source>
        <translation>un disco dentro de un anillo (2 clases)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="31" />
        <source>two moons</source>
        <translation>dos lunas</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="32" />
        <source>two interleaving half circles (2 classes)</source>
        <translation>dos semicírculos entrelazados (2 clases)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="35" />
        <source>spiral</source>
        <translation>espiral</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="36" />
        <source>two interleaved spiral arms (2 classes, hard)</source>
        <translation>dos brazos de espiral entrelazados (2 clases, difícil)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="39" />
        <source>blobs</source>
        <translation>nubes gaussianas</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="40" />
        <source>gaussian blobs, one per class (2 or more classes)</source>
        <translation>nubes de puntos gaussianas, una por clase (2 o más clases)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="43" />
        <source>sine</source>
        <translation>seno</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="44" />
        <source>regression: y = sin(x) on [−π, π]</source>
        <translation>regresión: y = sen(x) en [−π, π]</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="47" />
        <source>plane</source>
        <translation>plano</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="48" />
        <source>regression: y = 0.8·x1 − 0.5·x2 + 0.3</source>
        <translation>regresión: y = 0.8·x1 − 0.5·x2 + 0.3</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="51" />
        <location filename="../../nnviz/lesson/names.py" line="83" />
        <source>XOR truth table</source>
        <translation>tabla de verdad XOR</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="52" />
        <source>the 4-row XOR truth table, inputs 0/1 (no test split)</source>
        <translation>la tabla de verdad XOR de 4 filas, entradas 0/1 (sin conjunto de prueba)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="55" />
        <source>one example</source>
        <translation>un solo ejemplo</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="56" />
        <source>one example for hand-worked calculations: x = (0.05, 0.10), y = (0.01, 0.99)</source>
        <translation>un solo ejemplo para cálculos a mano: x = (0.05, 0.10), y = (0.01, 0.99)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="60" />
        <source>one example (1-2-1)</source>
        <translation>un solo ejemplo (1-2-1)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="61" />
        <source>the single example of the 1-2-1 textbook calculation</source>
        <translation>el único ejemplo del cálculo clásico 1-2-1</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="70" />
        <source>Two moons</source>
        <translation>Dos lunas</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="71" />
        <source>two interleaving half circles, 2-4-4-1 tanh, binary cross-entropy (the default)</source>
        <translation>dos semicírculos entrelazados, 2-4-4-1 tanh, entropía cruzada binaria (la predeterminada)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="75" />
        <source>Circles</source>
        <translation>Círculos</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="76" />
        <source>a disc inside a ring, 2-4-4-1 tanh, binary cross-entropy</source>
        <translation>un disco dentro de un anillo, 2-4-4-1 tanh, entropía cruzada binaria</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="79" />
        <source>XOR (noisy quadrants)</source>
        <translation>XOR (cuadrantes con ruido)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="80" />
        <source>four noisy quadrants, 2-4-1 tanh, bce</source>
        <translation>cuatro cuadrantes con ruido, 2-4-1 tanh, entropía cruzada binaria</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="84" />
        <source>the 4-row XOR table, 2-4-1 tanh, bce, full batch</source>
        <translation>la tabla XOR de 4 filas, 2-4-1 tanh, entropía cruzada binaria, lote completo</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="87" />
        <source>Two-arm spiral</source>
        <translation>Espiral de dos brazos</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="88" />
        <source>a hard one: 2-16-16-1 tanh, bce, Adam</source>
        <translation>una difícil: 2-16-16-1 tanh, entropía cruzada binaria, Adam</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="91" />
        <source>Three blobs</source>
        <translation>Tres nubes gaussianas</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="92" />
        <source>three gaussian blobs, 2-4-3 softmax, cross-entropy</source>
        <translation>tres nubes de puntos gaussianas, 2-4-3 softmax, entropía cruzada</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="95" />
        <source>Sine regression</source>
        <translation>Regresión del seno</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="96" />
        <source>fit y = sin(x), 1-16-16-1 tanh, mse</source>
        <translation>ajustar y = sen(x), 1-16-16-1 tanh, error cuadrático medio</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="99" />
        <source>Textbook: 2-2-2 step by step</source>
        <translation>Ejercicio clásico: 2-2-2 paso a paso</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="100" />
        <source>the classic step-by-step backpropagation example (sigmoid, ½·SSE, α = 0.5, biases frozen). The published error after the first round, 0.291027924, used the already-updated w5–w8 inside δ[1]; feeding the published updated weights forward gives 0.291027774, which is what nnviz shows</source>
        <translation>el ejemplo clásico de retropropagación paso a paso (sigmoide, ½ · suma de errores al cuadrado, α = 0.5, sesgos congelados). El error publicado tras la primera ronda, 0.291027924, usó dentro de δ[1] los w5–w8 ya actualizados; la propagación hacia adelante con los pesos actualizados publicados da 0.291027774, que es lo que muestra nnviz</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="107" />
        <source>Textbook: 1-2-1 calculation</source>
        <translation>Ejercicio clásico: cálculo 1-2-1</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="108" />
        <source>the classic 1-2-1 calculation: sigmoid hidden, linear output, mse, target 1 + sin(π/4), α = 0.1</source>
        <translation>el cálculo clásico 1-2-1: capa oculta sigmoide, salida lineal, error cuadrático medio, valor objetivo 1 + sen(π/4), α = 0.1</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="112" />
        <source>Textbook: XOR 2-2-1</source>
        <translation>Ejercicio clásico: XOR 2-2-1</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="113" />
        <source>a 2-2-1 sigmoid network on the XOR truth table, one full pass</source>
        <translation>una red sigmoide 2-2-1 sobre la tabla de verdad XOR, una pasada completa</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="116" />
        <source>The cost landscape of two weights</source>
        <translation>El paisaje del costo de dos pesos</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="117" />
        <source>ŷ = W2·tanh(W1·x), 1-1-1 with the biases frozen, on 9 points of y ≈ 1.2·tanh(1.5x): W1[1,1] and W2[1,1] are the only parameters that learn, so the map of J over them is the whole picture. Look at the saddle at (0, 0), the two mirror-image valleys (W1, W2) and (−W1, −W2), and the descent path: it leaves the saddle quickly, then creeps along the flat valley floor. The slope panel: the tangent's slope is ∂J/∂W, and the step is −α times it</source>
        <translation>ŷ = W2·tanh(W1·x), red 1-1-1 con los sesgos congelados, sobre 9 puntos de y ≈ 1.2·tanh(1.5x): W1[1,1] y W2[1,1] son los únicos parámetros que aprenden, así que el mapa de J sobre ellos es el panorama completo. Observa el punto de silla en (0, 0), los dos valles simétricos (W1, W2) y (−W1, −W2), y el camino del descenso: sale rápido del punto de silla y luego avanza despacio por el fondo plano del valle. El panel de la pendiente: la pendiente de la tangente es ∂J/∂W, y el paso es −α veces ella</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="131" />
        <source>mean squared error (MSE)</source>
        <translation>error cuadrático medio (MSE)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="132" />
        <source>½ · sum of squared errors</source>
        <translation>½ · suma de errores al cuadrado</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="133" />
        <source>binary cross-entropy</source>
        <translation>entropía cruzada binaria</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="134" />
        <source>cross-entropy (softmax)</source>
        <translation>entropía cruzada (softmax)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="140" />
        <source>sigmoid</source>
        <translation>sigmoide</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="141" />
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="142" />
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="143" />
        <source>leaky ReLU</source>
        <translation>ReLU con fuga</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="144" />
        <source>linear</source>
        <translation>lineal</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="145" />
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="151" />
        <source>stochastic gradient descent (SGD)</source>
        <translation>descenso de gradiente estocástico (SGD)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="152" />
        <source>momentum</source>
        <translation>momento</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="153" />
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="154" />
        <source>momentum (exponential moving average)</source>
        <translation>momento (media móvil exponencial)</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="160" />
        <source>sin x1</source>
        <translation>sen x1</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="161" />
        <source>sin x2</source>
        <translation>sen x2</translation>
    </message>
    <message>
        <location filename="../../nnviz/lesson/names.py" line="223" />
        <source>class %1</source>
        <translation>clase %1</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../nnviz/ui/network_item.py" line="135" />
        <location filename="../../nnviz/ui/tooltips.py" line="75" />
        <source>input</source>
        <extracomment>(box, text, colour, anchor (leader line) or None, own-edge stubs or None)</extracomment>
        <translation>entrada</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_item.py" line="136" />
        <source>hidden {0}</source>
        <translation>oculta {0}</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/network_item.py" line="138" />
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/tooltips.py" line="35" />
        <source>class</source>
        <translation>clase</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/tooltips.py" line="48" />
        <source>hidden %1, neuron %2</source>
        <translation>oculta %1, neurona %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="58" />
        <location filename="../../nnviz/ui/tooltips.py" line="55" />
        <source>batch mean</source>
        <translation>media del lote</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="56" />
        <location filename="../../nnviz/ui/tooltips.py" line="57" />
        <source>example %1 of %2</source>
        <translation>ejemplo %1 de %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/tooltips.py" line="66" />
        <source>last update</source>
        <translation>última actualización</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="83" />
        <source>forward → layer %1:  z = W·a + b,  a = g(z)</source>
        <translation>propagación hacia adelante → capa %1:  z = W·a + b,  a = g(z)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="85" />
        <source>backward ← layer %1:  δ,  ∂J/∂W</source>
        <translation>retropropagación ← capa %1:  δ,  ∂J/∂W</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="87" />
        <source>update:  W ← W − α·∂J/∂W</source>
        <translation>actualización:  W ← W − α·∂J/∂W</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="140" />
        <location filename="../../nnviz/ui/legend_band.py" line="196" />
        <source>weight w, bias b</source>
        <translation>peso w, sesgo b</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="205" />
        <source>(auto)</source>
        <translation>(auto)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="206" />
        <source>(fixed)</source>
        <translation>(fija)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="68" />
        <source>neuron disc: its activation over the input plane,  low</source>
        <translation>disco de la neurona: su activación sobre el plano de entrada,  baja</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="70" />
        <source>activation a:  low</source>
        <translation>activación a:  baja</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/legend_band.py" line="61" />
        <location filename="../../nnviz/ui/legend_band.py" line="228" />
        <source>high</source>
        <translation>alta</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../nnviz/ui/qt_words.py" line="20" />
        <source>File &amp;name:</source>
        <translation>&amp;Nombre de archivo:</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/qt_words.py" line="21" />
        <source>Files of type:</source>
        <translation>Archivos de tipo:</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/qt_words.py" line="22" />
        <source>Show &amp;hidden files</source>
        <translation>Mostrar los arc&amp;hivos ocultos</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/qt_words.py" line="23" />
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/qt_words.py" line="24" />
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>El archivo %1 ya existe.
¿Quieres reemplazarlo?</translation>
    </message>
    <message>
        <location filename="../../nnviz/ui/qt_words.py" line="25" />
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
No se encontró el archivo.
Verifica que el nombre del archivo sea correcto.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../nnviz/ui/qt_words.py" line="27" />
        <source>Invalid filename</source>
        <translation>Nombre de archivo no válido</translation>
    </message>
</context>
<context>
    <name>StepThrough</name>
    <message>
        <location filename="../../nnviz/ui/step_through.py" line="121" />
        <source>step %1</source>
        <translation>paso %1</translation>
    </message>
</context>
</TS>